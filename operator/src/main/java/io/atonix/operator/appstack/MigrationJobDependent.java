package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.jobs.JobLabels;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/**
 * The Job of each migration's current version, keyed by Job name: a new version is a new Job, and the Job of the
 * version before is deleted with its pods, so a stack keeps one Job per migration.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class MigrationJobDependent extends StackChildDependent<Job> {

    public MigrationJobDependent() {
        super(Job.class);
    }

    @Override
    public Map<String, Job> desiredResources(AppStack primary, Context<AppStack> context) {
        return Migrations.desired(primary);
    }

    @Override
    public Map<String, Job> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return inCluster(primary, context);
    }

    /** The stack's migration Jobs in the informer's cache, by name; the runs of its CronJobs are not among them. */
    static Map<String, Job> inCluster(AppStack stack, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                Job.class,
                Labels.STACK,
                stack.getMetadata().getName(),
                job -> Secondaries.label(job, JobLabels.MIGRATION) == null
                        ? null
                        : job.getMetadata().getName());
    }

    /**
     * A Job of the name is the version's Job: its name holds the hash of everything it runs, and a Job's template
     * cannot be changed anyway, so it is never updated.
     */
    @Override
    public Matcher.Result<Job> match(Job actual, Job desired, AppStack primary, Context<AppStack> context) {
        return Matcher.Result.computed(true, desired);
    }
}
