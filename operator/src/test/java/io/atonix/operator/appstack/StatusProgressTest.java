package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.common.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusProgressTest {
    private static final String T0 = "2026-12-03T10:00:00Z";

    /** A stack of generation 3 rolling out its service "api": {@code ready} of 3 pods ready. */
    private static AppStackStatus rollingOut(long generation, int ready, String readyStatus, String reason) {
        return new AppStackStatus(
                generation,
                List.of(new Condition("Ready", readyStatus, generation, T0, reason, ready + " of 3 pods of api ready")),
                List.of(new ServiceStatus("api", 3, ready, ready, false, null, List.of())),
                List.of(ComponentStatus.of("Postgres", "orders", true, "Ready", null)));
    }

    @Test
    void podCountsAndTheMessagesThatTellThemAreProgressOnly() {
        assertThat(StatusProgress.only(
                        rollingOut(3, 1, "False", "RollingOut"), rollingOut(3, 2, "False", "RollingOut")))
                .isTrue();
    }

    @Test
    void theFirstStatusOfAStackIsNotProgressOnly() {
        assertThat(StatusProgress.only(null, rollingOut(3, 1, "False", "RollingOut")))
                .isFalse();
    }

    @Test
    void aNewGenerationObservedIsNotProgressOnly() {
        assertThat(StatusProgress.only(
                        rollingOut(3, 1, "False", "RollingOut"), rollingOut(4, 1, "False", "RollingOut")))
                .isFalse();
    }

    @Test
    void aConditionWhoseStatusOrReasonChangedIsNotProgressOnly() {
        AppStackStatus stored = rollingOut(3, 2, "False", "RollingOut");
        assertThat(StatusProgress.only(stored, rollingOut(3, 3, "True", "RollingOut")))
                .isFalse();
        assertThat(StatusProgress.only(stored, rollingOut(3, 2, "False", "ReconcileFailed")))
                .isFalse();
    }

    @Test
    void aServiceThatBecameReadyOrAPartThatFailedIsNotProgressOnly() {
        AppStackStatus stored = rollingOut(3, 3, "False", "RollingOut");
        AppStackStatus serviceReady = new AppStackStatus(
                3L,
                stored.conditions(),
                List.of(new ServiceStatus("api", 3, 3, 3, true, null, List.of())),
                stored.components());
        AppStackStatus partFailed = new AppStackStatus(
                3L,
                stored.conditions(),
                stored.services(),
                List.of(ComponentStatus.of("Postgres", "orders", false, "ProvisioningFailed", "no answer")));
        assertThat(StatusProgress.only(stored, serviceReady)).isFalse();
        assertThat(StatusProgress.only(stored, partFailed)).isFalse();
    }
}
