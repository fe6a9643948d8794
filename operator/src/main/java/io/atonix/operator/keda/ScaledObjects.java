package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PrometheusSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * The ScaledObject of a service whose autoscale names triggers, where KEDA runs: it scales the service's Deployment
 * between minReplicas (0 included) and maxReplicas, in place of the HorizontalPodAutoscaler the operator would
 * otherwise write (KEDA refuses a workload another HPA scales, and makes its own).
 */
public final class ScaledObjects {
    /**
     * KEDA copies a ScaledObject's labels onto the HPA it makes; without the managed-by label that HPA is not taken
     * for one of the operator's, which would delete it.
     */
    static final String HPA_EXCLUDED_LABELS = "scaledobject.keda.sh/hpa-excluded-labels";

    private ScaledObjects() {}

    /** {@link #desired(AppStack, ServiceSpec, KafkaClientSecurity, PrometheusSettings)} without a platform Prometheus. */
    public static Optional<ScaledObject> desired(AppStack stack, ServiceSpec service, KafkaClientSecurity security) {
        return desired(stack, service, security, PrometheusSettings.none());
    }

    /**
     * @param security how KEDA reaches the service's Kafka listener, for a Kafka lag trigger
     * @param prometheus the platform's Prometheus, for Prometheus triggers
     */
    public static Optional<ScaledObject> desired(
            AppStack stack, ServiceSpec service, KafkaClientSecurity security, PrometheusSettings prometheus) {
        Autoscale autoscale = service.autoscale();
        if (autoscale == null || !autoscale.hasTriggers()) {
            return Optional.empty();
        }
        String name = KedaNames.scaledObject(stack, service);
        ScaledObject scaledObject = new ScaledObject();
        scaledObject.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(Labels.forService(stack.getMetadata().getName(), service.name()))
                .withAnnotations(Map.of(HPA_EXCLUDED_LABELS, Labels.MANAGED_BY))
                .withOwnerReferences(Owners.controller(stack))
                .build());
        scaledObject.setSpec(new ScaledObjectSpec(
                new ScaledObjectSpec.ScaleTarget("apps/v1", "Deployment", name, Names.appContainer()),
                autoscale.minReplicasOrDefault(),
                autoscale.maxReplicas(),
                KedaTriggers.of(stack, service, security, prometheus)));
        return Optional.of(DesiredHash.stamp(scaledObject));
    }
}
