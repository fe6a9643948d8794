package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Optional;

/**
 * A job's pod template as the stack's Deployments build a service's: restricted, with the same binding variables for
 * the same uses. Without the binding Secrets' checksum: a Job's template cannot change, and a rotated credential is
 * read by the next run anyway.
 */
final class JobPods {
    private static final BindingChecksums NONE = names -> Optional.empty();

    private JobPods() {}

    /** The pod template a service with the job's container and uses gets. */
    static PodTemplateSpec of(AppStack stack, JobSpec job) {
        return Deployments.desired(stack, job.asWorkload(), NONE).getSpec().getTemplate();
    }
}
