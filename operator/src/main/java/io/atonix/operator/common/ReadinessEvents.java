package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Event policy of every controller: an Event when a resource's readiness changes, that is its Ready condition's
 * status or reason, or its message while it is held back for a reason other than progress. Normal when it is ready or
 * on its way there (a progress reason: rolling out, starting), Warning otherwise. A progress message changes with
 * every pod that comes up, which is worth no Event of its own.
 */
public final class ReadinessEvents {

    private ReadinessEvents() {}

    /** An Event to record. */
    public record Worth(String type, String reason, String message) {}

    public static void record(
            KubernetesClient client,
            HasMetadata primary,
            List<Condition> previous,
            List<Condition> current,
            Set<String> progressReasons) {
        worth(previous, current, progressReasons)
                .ifPresent(e -> EventRecorder.record(client, primary, e.type(), e.reason(), e.message()));
    }

    /** The Event a change of conditions from {@code previous} (null at first) to {@code current} is worth, if any. */
    public static Optional<Worth> worth(
            List<Condition> previous, List<Condition> current, Set<String> progressReasons) {
        Condition after = Conditions.find(current, ConditionTypes.READY).orElse(null);
        if (after == null) {
            return Optional.empty();
        }
        Condition before = previous == null
                ? null
                : Conditions.find(previous, ConditionTypes.READY).orElse(null);
        boolean progress = progressReasons.contains(after.reason());
        boolean changed = before == null
                || !Objects.equals(before.status(), after.status())
                || !Objects.equals(before.reason(), after.reason())
                || (!after.holds() && !progress && !Objects.equals(before.message(), after.message()));
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(new Worth(
                after.holds() || progress ? EventRecorder.NORMAL : EventRecorder.WARNING,
                after.reason(),
                after.message()));
    }
}
