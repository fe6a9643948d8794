package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * The Job {@code kubectl create job <name> --from=cronjob/<cronjob>} creates: the CronJob's job template with the
 * annotation {@value #INSTANTIATE} = manual (kubectl's createJobFromCronJob), the template's own labels and annotations,
 * and an owner reference to the CronJob (not a controller one, so the CronJob controller leaves the Job alone), which
 * is what an operator of the platform does to take a backup now rather than at the schedule's next time.
 */
final class ManualJob {
    static final String INSTANTIATE = "cronjob.kubernetes.io/instantiate";

    private ManualJob() {}

    static Job from(CronJob cronJob, String name) {
        var template = cronJob.getSpec().getJobTemplate();
        Map<String, String> annotations = new HashMap<>();
        annotations.put(INSTANTIATE, "manual");
        if (template.getMetadata() != null && template.getMetadata().getAnnotations() != null) {
            annotations.putAll(template.getMetadata().getAnnotations());
        }
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(cronJob.getMetadata().getNamespace())
                .withAnnotations(annotations)
                .withLabels(
                        template.getMetadata() == null
                                ? null
                                : template.getMetadata().getLabels())
                .addNewOwnerReference()
                .withApiVersion("batch/v1")
                .withKind("CronJob")
                .withName(cronJob.getMetadata().getName())
                .withUid(cronJob.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }
}
