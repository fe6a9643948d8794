package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void reconcilingMirrorsProgressingAndStalledMirrorsDegraded() {
        List<Condition> conditions = Conditions.withKstatusConditions(List.of(
                Conditions.of(ConditionTypes.READY, false, "RollingOut", "Waiting for web", 3L),
                Conditions.of(ConditionTypes.PROGRESSING, true, "RollingOut", "Rolling out web", 3L),
                Conditions.of(ConditionTypes.DEGRADED, false, "Ready", "", 3L)));
        assertThat(conditions)
                .extracting(c -> c.type() + "=" + c.status() + "/" + c.reason() + "/" + c.message() + "/"
                        + c.observedGeneration())
                .containsExactly(
                        "Ready=False/RollingOut/Waiting for web/3",
                        "Progressing=True/RollingOut/Rolling out web/3",
                        "Degraded=False/Ready//3",
                        "Reconciling=True/RollingOut/Rolling out web/3",
                        "Stalled=False/Ready//3");
    }

    @Test
    void earlierKstatusConditionsAreReplacedNotRepeated() {
        List<Condition> before = Conditions.withKstatusConditions(Conditions.refused("InvalidSpec", "spec.x: bad", 1L));
        List<Condition> after = Conditions.withKstatusConditions(before.stream()
                .map(c ->
                        c.type().equals(ConditionTypes.DEGRADED) ? Conditions.of(c.type(), false, "Ready", "", 1L) : c)
                .toList());
        assertThat(after)
                .extracting(Condition::type)
                .containsExactly("Ready", "Progressing", "Degraded", "Reconciling", "Stalled");
        assertThat(Conditions.find(after, ConditionTypes.STALLED).orElseThrow().status())
                .isEqualTo(Condition.FALSE);
    }

    @Test
    void settlingTheSameConditionsAgainKeepsEveryTransitionTime() {
        List<Condition> next = Conditions.refused("InvalidSpec", "spec.x: bad", 1L);
        List<Condition> first = Conditions.settle(List.of(), next, EARLIER);
        assertThat(Conditions.settle(first, next, LATER)).isEqualTo(first);
        assertThat(first).allSatisfy(c -> assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z"));
    }
}
