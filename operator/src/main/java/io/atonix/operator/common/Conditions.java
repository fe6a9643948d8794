package io.atonix.operator.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/** Conditions in the metav1.Condition shape, with transition times that change only on a transition. */
public final class Conditions {

    private Conditions() {
    }

    public static Condition of(String type, boolean status, String reason, String message, Long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status ? "True" : "False")
                .withReason(reason)
                .withMessage(message == null ? "" : message)
                .withObservedGeneration(generation)
                .build();
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
            Optional<Condition> before = find(previous, condition.getType());
            String time = before
                    .filter(b -> Objects.equals(b.getStatus(), condition.getStatus()) && b.getLastTransitionTime() != null)
                    .map(Condition::getLastTransitionTime)
                    .orElse(timestamp);
            result.add(new ConditionBuilder(condition).withLastTransitionTime(time).build());
        }
        return result;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }
}
