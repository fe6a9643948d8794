package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A run of a CronJob now, as {@code kubectl create job --from=cronjob/<name> <job>} makes it: the CronJob's job
 * template under a name of its own, owned by the CronJob and marked as started by hand.
 */
final class CronJobRun {
    private CronJobRun() {}

    static Job start(KubernetesClient admin, String namespace, String cronJob, String job) {
        CronJob source = admin.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName(cronJob)
                .require();
        return admin.resource(new JobBuilder()
                        .withNewMetadata()
                        .withName(job)
                        .withNamespace(namespace)
                        .withLabels(
                                source.getSpec().getJobTemplate().getMetadata() == null
                                        ? null
                                        : source.getSpec()
                                                .getJobTemplate()
                                                .getMetadata()
                                                .getLabels())
                        .addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
                        .addNewOwnerReference()
                        .withApiVersion("batch/v1")
                        .withKind("CronJob")
                        .withName(cronJob)
                        .withUid(source.getMetadata().getUid())
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .withSpec(source.getSpec().getJobTemplate().getSpec())
                        .build())
                .create();
    }
}
