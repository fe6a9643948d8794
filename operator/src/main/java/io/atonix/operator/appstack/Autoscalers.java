package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The autoscaling/v2 HorizontalPodAutoscaler of a service that declares autoscale, unless KEDA scales it: a service
 * with triggers gets a ScaledObject where KEDA runs (see {@link io.atonix.operator.keda.ScaledObjects}), and KEDA
 * refuses a workload that another HPA scales.
 */
public final class Autoscalers {

    private Autoscalers() {}

    /** As on a cluster without KEDA. */
    public static Optional<HorizontalPodAutoscaler> desired(AppStack stack, ServiceSpec service) {
        return desired(stack, service, false);
    }

    public static Optional<HorizontalPodAutoscaler> desired(
            AppStack stack, ServiceSpec service, boolean kedaInstalled) {
        Autoscale autoscale = service.autoscale();
        if (autoscale == null || kedaInstalled && autoscale.hasTriggers()) {
            return Optional.empty();
        }
        var metadata = StackObjects.serviceMetadata(stack, service);
        List<MetricSpec> metrics = new ArrayList<>();
        metrics.add(resourceMetric("cpu", autoscale.targetCpuOrDefault()));
        if (autoscale.targetMemoryUtilizationPercentage() != null) {
            metrics.add(resourceMetric("memory", autoscale.targetMemoryUtilizationPercentage()));
        }
        return Optional.of(StackObjects.finish(new HorizontalPodAutoscalerBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(metadata.getName())
                .endScaleTargetRef()
                // An HPA cannot scale to zero, nor wake a service on an event: without KEDA it keeps one pod.
                .withMinReplicas(Math.max(1, autoscale.minReplicasOrDefault()))
                .withMaxReplicas(autoscale.maxReplicas())
                .withMetrics(metrics)
                .endSpec()
                .build()));
    }

    private static MetricSpec resourceMetric(String resource, int averageUtilization) {
        return new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName(resource)
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(averageUtilization)
                .endTarget()
                .endResource()
                .build();
    }
}
