package io.atonix.operator.jobs;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.Map;

/**
 * The CronJob of a scheduled job, {@code <stack>-<job>}: never two runs at once (a run still going when the next is
 * due makes that one wait for the next time), the last three successful and the last failed run kept to read.
 */
public final class ScheduledJobs {
    static final int SUCCESSFUL_KEPT = 3;
    static final int FAILED_KEPT = 1;

    private ScheduledJobs() {}

    /** @param workload the job's pod template as a service's (see {@link JobTemplates#spec}) */
    public static CronJob desired(AppStack stack, JobSpec job, PodTemplateSpec workload) {
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = JobLabels.of(stackName, job.name(), JobLabels.SCHEDULED_COMPONENT);
        return DesiredHash.stamp(new CronJobBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(JobNames.cronJob(stackName, job.name()))
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withSchedule(job.schedule())
                .withConcurrencyPolicy("Forbid")
                .withSuccessfulJobsHistoryLimit(SUCCESSFUL_KEPT)
                .withFailedJobsHistoryLimit(FAILED_KEPT)
                .withNewJobTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withSpec(JobTemplates.spec(job, workload, labels))
                .endJobTemplate()
                .endSpec()
                .build());
    }
}
