package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStatusTest {
    private static final Instant FIRST = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-02T10:05:00Z");

    @Test
    void aChildThatHasNotReportedIsUnknownNotFalse() {
        ComponentStatus component = ChildReadiness.of("Postgres", "Postgres", "shop-postgres", null);
        assertThat(component.status()).isEqualTo(ComponentStatus.UNKNOWN);
        assertThat(component.reason()).isEqualTo("Creating");
        assertThat(component.message()).isEqualTo("waiting for Postgres shop-postgres to report");
    }

    @Test
    void aChildsReadyConditionIsCarriedOverWithItsOwnStatusReasonAndMessage() {
        Condition ready =
                new Condition(ConditionTypes.READY, "Unknown", 2L, "2026-12-02T09:00:00Z", "Probing", "no answer yet");
        ComponentStatus component = ChildReadiness.of("Redis", "Redis", "shop-redis", List.of(ready));
        assertThat(component)
                .extracting(ComponentStatus::status, ComponentStatus::reason, ComponentStatus::message)
                .containsExactly("Unknown", "Probing", "no answer yet");
    }

    @Test
    void aComponentKeepsItsTransitionTimeWhileItsStatusHoldsAndTakesTheNewTimeWhenItChanges() {
        AppStack stack = TestStacks.stack("shop", "shop", TestStacks.service("web", "nginx:1.27", 8080));
        ComponentStatus waiting = ComponentStatus.of("Postgres", "shop-postgres", false, "Starting", "not yet");
        stack.setStatus(ComponentTimes.settled(stack, status(waiting), FIRST));
        assertThat(stack.getStatus().components().get(0).lastTransitionTime()).isEqualTo("2026-12-02T10:00:00Z");

        ComponentStatus stillWaiting = ComponentStatus.of("Postgres", "shop-postgres", false, "Starting", "still not");
        assertThat(ComponentTimes.settled(stack, status(stillWaiting), LATER)
                        .components()
                        .get(0)
                        .lastTransitionTime())
                .isEqualTo("2026-12-02T10:00:00Z");

        ComponentStatus ready = ComponentStatus.of("Postgres", "shop-postgres", true, "Ready", null);
        assertThat(ComponentTimes.settled(stack, status(ready), LATER)
                        .components()
                        .get(0)
                        .lastTransitionTime())
                .isEqualTo("2026-12-02T10:05:00Z");
    }

    private static AppStackStatus status(ComponentStatus component) {
        return new AppStackStatus(1L, List.of(), List.of(), List.of(component));
    }
}
