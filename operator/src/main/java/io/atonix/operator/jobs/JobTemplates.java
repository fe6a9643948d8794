package io.atonix.operator.jobs;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.Map;

/** The spec of a job's runs, shared by a migration's Job and a CronJob's template. */
final class JobTemplates {
    private JobTemplates() {}

    /**
     * @param workload the pod template a service with the job's container and uses would get: restricted, with the
     *     binding variables and no readiness probe
     */
    static JobSpec spec(
            io.atonix.api.v1beta1.appstack.JobSpec job, PodTemplateSpec workload, Map<String, String> labels) {
        PodTemplateSpec pod = new PodTemplateSpecBuilder(workload)
                .editOrNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .editSpec()
                // A run that fails is retried as a new pod (backoffLimit), so the failed pod stays to be read.
                .withRestartPolicy("Never")
                // A job calls no Kubernetes API: the namespace's default account, with no token mounted.
                .withServiceAccountName(null)
                .withAutomountServiceAccountToken(false)
                .endSpec()
                .build();
        return new JobSpecBuilder()
                .withBackoffLimit(job.backoffLimitOrDefault())
                .withActiveDeadlineSeconds(
                        job.activeDeadlineSeconds() == null
                                ? null
                                : job.activeDeadlineSeconds().longValue())
                .withTemplate(pod)
                .build();
    }
}
