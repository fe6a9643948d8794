package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.common.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.Optional;

/**
 * A Warning Event when a stack's triggers start going unused for want of KEDA: once, when the Autoscaling component
 * turns to KedaNotInstalled, not at every reconcile (a reconcile of an unchanged stack writes nothing).
 */
public final class KedaFallbackEvent {

    private KedaFallbackEvent() {}

    public static void recordIfNew(KubernetesClient client, AppStack stack, AppStackStatus status) {
        Optional<ComponentStatus> now = component(status);
        if (now.isEmpty()
                || !AutoscalingStatus.REASON_NOT_INSTALLED.equals(now.get().reason())) {
            return;
        }
        boolean before = component(stack.getStatus())
                .map(c -> Objects.equals(c.reason(), AutoscalingStatus.REASON_NOT_INSTALLED))
                .orElse(false);
        if (!before) {
            EventRecorder.record(
                    client,
                    stack,
                    EventRecorder.WARNING,
                    AutoscalingStatus.REASON_NOT_INSTALLED,
                    now.get().message());
        }
    }

    private static Optional<ComponentStatus> component(AppStackStatus status) {
        return status == null
                ? Optional.empty()
                : status.components().stream()
                        .filter(c -> AutoscalingStatus.COMPONENT.equals(c.component()))
                        .findFirst();
    }
}
