package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Optional;

/**
 * Pod templates as the stack's Deployments build them, without the binding Secrets' checksum: a job's pods are a
 * service's (restricted, with the same binding variables for the same uses), and a migration's version is computed
 * from them, so a rotated credential is no new version and never changes a Job's template, which cannot change.
 */
final class JobPods {
    private static final BindingChecksums NONE = names -> Optional.empty();

    private JobPods() {}

    /** The pod template a service with the job's container and uses gets. */
    static PodTemplateSpec of(AppStack stack, JobSpec job) {
        return of(stack, job.asWorkload());
    }

    /** The pod template of a service's Deployment, as the version of a migration sees it. */
    static PodTemplateSpec of(AppStack stack, ServiceSpec service) {
        return Deployments.desired(stack, service, NONE).getSpec().getTemplate();
    }
}
