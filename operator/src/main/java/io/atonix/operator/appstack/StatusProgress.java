package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.BindingStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.common.Condition;
import java.util.List;
import java.util.Objects;

/**
 * Whether a stack's status moved only in progress: the ready and updated pod counts of its services and the messages
 * that tell them, while the generation observed, every condition's and part's status and reason, and each service's
 * readiness, routes and bindings stay. Such a write is paced ({@code common/StatusPace}); any other is made at once.
 */
final class StatusProgress {

    private StatusProgress() {}

    static boolean only(AppStackStatus stored, AppStackStatus observed) {
        return stored != null
                && Objects.equals(stored.observedGeneration(), observed.observedGeneration())
                && conditions(stored).equals(conditions(observed))
                && components(stored).equals(components(observed))
                && services(stored).equals(services(observed));
    }

    private record ConditionState(String type, String status, String reason, Long observedGeneration) {}

    private record ComponentState(String component, String name, String status, String reason) {}

    private record ServiceState(
            String name, Integer replicas, Boolean ready, List<String> urls, List<BindingStatus> bindings) {}

    private static List<ConditionState> conditions(AppStackStatus status) {
        return status.conditions().stream()
                .map((Condition c) -> new ConditionState(c.type(), c.status(), c.reason(), c.observedGeneration()))
                .toList();
    }

    private static List<ComponentState> components(AppStackStatus status) {
        return status.components().stream()
                .map((ComponentStatus c) -> new ComponentState(c.component(), c.name(), c.status(), c.reason()))
                .toList();
    }

    private static List<ServiceState> services(AppStackStatus status) {
        return status.services().stream()
                .map((ServiceStatus s) -> new ServiceState(s.name(), s.replicas(), s.ready(), s.urls(), s.bindings()))
                .toList();
    }
}
