package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.jobs.JobLabels;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** The CronJob of each scheduled job of a stack, keyed by job name. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class CronJobDependent extends StackChildDependent<CronJob> {

    public CronJobDependent() {
        super(CronJob.class);
    }

    @Override
    public Map<String, CronJob> desiredResources(AppStack primary, Context<AppStack> context) {
        return ScheduledJobObjects.desired(primary);
    }

    @Override
    public Map<String, CronJob> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                CronJob.class,
                Labels.STACK,
                primary.getMetadata().getName(),
                cronJob -> JobLabels.SCHEDULED_COMPONENT.equals(Secondaries.label(cronJob, Labels.COMPONENT))
                        ? Secondaries.label(cronJob, Labels.SERVICE)
                        : null);
    }

    @Override
    protected String ofKey(String key) {
        return " of job " + key;
    }
}
