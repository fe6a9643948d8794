package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's Autoscaling component, when some service names triggers: active through KEDA, not ready when KEDA says
 * a ScaledObject is not (a scaler that cannot reach Kafka or Prometheus, with KEDA's own reason and message), or
 * degraded to the CPU autoscaler because the cluster does not run KEDA. Like monitoring it is reported but never holds
 * readiness back: the services run either way.
 */
public final class AutoscalingStatus {
    public static final String COMPONENT = "Autoscaling";
    public static final String REASON_ACTIVE = "Keda";
    public static final String REASON_NOT_INSTALLED = "KedaNotInstalled";
    public static final String REASON_NOT_READY = "ScaledObjectNotReady";

    private AutoscalingStatus() {}

    public static Optional<ComponentStatus> of(AppStack stack, boolean kedaInstalled) {
        return of(stack, kedaInstalled, Map.of());
    }

    /** @param scaledObjects the stack's stored ScaledObjects by service (none without KEDA) */
    public static Optional<ComponentStatus> of(
            AppStack stack, boolean kedaInstalled, Map<String, ScaledObject> scaledObjects) {
        List<String> scaled = stack.getSpec().services().stream()
                .filter(s -> s.autoscale() != null && s.autoscale().hasTriggers())
                .map(ServiceSpec::name)
                .toList();
        if (scaled.isEmpty()) {
            return Optional.empty();
        }
        String services = String.join(", ", scaled);
        if (kedaInstalled) {
            List<String> problems = new ArrayList<>();
            for (String service : scaled) {
                ScaledObjectStatus status = Optional.ofNullable(scaledObjects.get(service))
                        .map(ScaledObject::getStatus)
                        .orElse(null);
                if (status == null) {
                    continue;
                }
                status.conditions().stream()
                        .filter(c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus()))
                        .findFirst()
                        .ifPresent(c -> problems.add("service " + service + ": ScaledObject "
                                + scaledObjects.get(service).getMetadata().getName() + " is not ready: "
                                + c.getReason() + ": " + c.getMessage()));
            }
            return Optional.of(
                    problems.isEmpty()
                            ? ComponentStatus.of(
                                    COMPONENT,
                                    null,
                                    true,
                                    REASON_ACTIVE,
                                    "services " + services + " scale on events through KEDA")
                            : ComponentStatus.of(
                                    COMPONENT, null, false, REASON_NOT_READY, String.join("; ", problems)));
        }
        return Optional.of(ComponentStatus.of(
                COMPONENT,
                null,
                false,
                REASON_NOT_INSTALLED,
                "KEDA is not installed in this cluster (the API server serves no keda.sh ScaledObject): the triggers of"
                        + " services " + services + " are not used; they scale on CPU (and memory) with a"
                        + " HorizontalPodAutoscaler and keep at least 1 pod. Install KEDA to scale on events and to zero;"
                        + " the rest of the stack is reconciled"));
    }

    /** The status with the Autoscaling component added, when the stack has one. */
    public static AppStackStatus withComponent(
            AppStack stack, AppStackStatus status, boolean kedaInstalled, Map<String, ScaledObject> scaledObjects) {
        Optional<ComponentStatus> component = of(stack, kedaInstalled, scaledObjects);
        if (component.isEmpty()) {
            return status;
        }
        List<ComponentStatus> components = new ArrayList<>(status.components());
        components.add(component.get());
        return new AppStackStatus(status.observedGeneration(), status.conditions(), status.services(), components);
    }
}
