package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Conditions in the metav1.Condition shape, with transition times that change only on a transition. */
public final class Conditions {

    private Conditions() {}

    /** A condition without a transition time; {@link #withTransitionTimes} gives it one. */
    public static Condition of(String type, boolean status, String reason, String message, Long generation) {
        return new Condition(
                type,
                status ? Condition.TRUE : Condition.FALSE,
                generation,
                null,
                reason,
                message == null ? "" : message);
    }

    /** The conditions of a resource whose spec cannot be applied as it stands: not ready, not progressing, degraded. */
    public static List<Condition> refused(String reason, String message, Long generation) {
        return List.of(
                of(ConditionTypes.READY, false, reason, message, generation),
                of(ConditionTypes.PROGRESSING, false, reason, "", generation),
                of(ConditionTypes.DEGRADED, true, reason, message, generation));
    }

    /**
     * The conditions followed by kstatus' Reconciling (a copy of Progressing) and Stalled (a copy of Degraded).
     * Flux's kstatus reads only these two and observedGeneration; without them a stack that is rolling out or stuck
     * counts as Current. Any Reconciling or Stalled already among the conditions is replaced.
     */
    public static List<Condition> withKstatusConditions(List<Condition> conditions) {
        List<Condition> result = new ArrayList<>();
        conditions.stream()
                .filter(c -> !ConditionTypes.RECONCILING.equals(c.type()) && !ConditionTypes.STALLED.equals(c.type()))
                .forEach(result::add);
        find(conditions, ConditionTypes.PROGRESSING).ifPresent(c -> result.add(copy(c, ConditionTypes.RECONCILING)));
        find(conditions, ConditionTypes.DEGRADED).ifPresent(c -> result.add(copy(c, ConditionTypes.STALLED)));
        return result;
    }

    /** The new conditions, completed for kstatus and given transition times ({@link #withTransitionTimes}). */
    public static List<Condition> settle(List<Condition> previous, List<Condition> next, Instant now) {
        return withTransitionTimes(previous, withKstatusConditions(next), now);
    }

    private static Condition copy(Condition condition, String type) {
        return new Condition(
                type,
                condition.status(),
                condition.observedGeneration(),
                null,
                condition.reason(),
                condition.message());
    }

    /**
     * Gives each new condition the lastTransitionTime of the previous condition of its type when the status did
     * not change, and {@code now} otherwise, so that a status computed afresh on every reconcile stays equal to
     * the stored one while nothing happens.
     */
    public static List<Condition> withTransitionTimes(List<Condition> previous, List<Condition> next, Instant now) {
        String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> result = new ArrayList<>();
        for (Condition condition : next) {
            String time = find(previous, condition.type())
                    .filter(b -> Objects.equals(b.status(), condition.status()) && b.lastTransitionTime() != null)
                    .map(Condition::lastTransitionTime)
                    .orElse(timestamp);
            result.add(condition.withLastTransitionTime(time));
        }
        return result;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }
}
