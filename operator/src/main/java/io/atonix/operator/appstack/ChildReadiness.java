package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.WaitStart;
import java.util.List;
import java.util.Optional;

/**
 * The stack's view of a child data store: the child's own Ready condition (status, reason, message), or Unknown while
 * the child has not reported one; or, when the child is Degraded because a wait outlasted its bound, that.
 */
final class ChildReadiness {

    private ChildReadiness() {}

    /** @param conditions the child's status conditions, null before it has a status */
    static ComponentStatus of(String component, String kind, String name, List<Condition> conditions) {
        Optional<Condition> overdue = Conditions.find(conditions, ConditionTypes.DEGRADED)
                .filter(degraded -> degraded.holds() && WaitStart.EXCEEDED.equals(degraded.reason()));
        if (overdue.isPresent()) {
            // A wait of the child on another system outlasted its bound: the stack says why.
            return new ComponentStatus(
                    component,
                    name,
                    ComponentStatus.FALSE,
                    WaitStart.EXCEEDED,
                    overdue.get().message(),
                    null);
        }
        return Conditions.find(conditions, ConditionTypes.READY)
                .map(ready -> new ComponentStatus(
                        component, name, ready.status(), ready.reason(), ready.holds() ? null : ready.message(), null))
                .orElse(ComponentStatus.unknown(
                        component, name, "Creating", "waiting for " + kind + " " + name + " to report"));
    }
}
