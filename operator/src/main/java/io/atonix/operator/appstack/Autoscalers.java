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

/** The autoscaling/v2 HorizontalPodAutoscaler of a service that declares autoscale. */
public final class Autoscalers {

    private Autoscalers() {}

    public static Optional<HorizontalPodAutoscaler> desired(AppStack stack, ServiceSpec service) {
        Autoscale autoscale = service.autoscale();
        if (autoscale == null) {
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
                .withMinReplicas(autoscale.minReplicasOrDefault())
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
