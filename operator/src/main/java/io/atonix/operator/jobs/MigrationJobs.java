package io.atonix.operator.jobs;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/**
 * The Job of one version of a migration, {@code <stack>-<job>-<version>}. A Job's template cannot change, so each
 * version is a Job of its own; the operator keeps only the current version's, which is also the record that this
 * version's migration succeeded (no TTL: a Job removed after success would run the migration again).
 */
public final class MigrationJobs {
    private MigrationJobs() {}

    /** @param workload the job's pod template as a service's (see {@link JobTemplates#spec}) */
    public static Job desired(AppStack stack, JobSpec job, PodTemplateSpec workload, String version) {
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = JobLabels.migration(stackName, job.name(), version);
        return DesiredHash.stamp(new JobBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(JobNames.migration(stackName, job.name(), version))
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(Map.of(JobLabels.RUNS_BEFORE, String.join(",", job.holds())))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withSpec(JobTemplates.spec(
                        job, workload, JobLabels.of(stackName, job.name(), JobLabels.MIGRATION_COMPONENT)))
                .build());
    }
}
