package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's Autoscaling component, when some service names triggers: active through KEDA, or degraded to the CPU
 * autoscaler because the cluster does not run KEDA. Like monitoring it is reported but never holds readiness back:
 * the services run either way.
 */
public final class AutoscalingStatus {
    public static final String COMPONENT = "Autoscaling";
    public static final String REASON_ACTIVE = "Keda";
    public static final String REASON_NOT_INSTALLED = "KedaNotInstalled";

    private AutoscalingStatus() {}

    public static Optional<ComponentStatus> of(AppStack stack, boolean kedaInstalled) {
        List<String> scaled = stack.getSpec().services().stream()
                .filter(s -> s.autoscale() != null && s.autoscale().hasTriggers())
                .map(ServiceSpec::name)
                .toList();
        if (scaled.isEmpty()) {
            return Optional.empty();
        }
        String services = String.join(", ", scaled);
        if (kedaInstalled) {
            return Optional.of(ComponentStatus.of(
                    COMPONENT, null, true, REASON_ACTIVE, "services " + services + " scale on events through KEDA"));
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
    public static AppStackStatus withComponent(AppStack stack, AppStackStatus status, boolean kedaInstalled) {
        Optional<ComponentStatus> component = of(stack, kedaInstalled);
        if (component.isEmpty()) {
            return status;
        }
        List<ComponentStatus> components = new ArrayList<>(status.components());
        components.add(component.get());
        return new AppStackStatus(status.observedGeneration(), status.conditions(), status.services(), components);
    }
}
