package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.ReadinessEvents.Worth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessEventsTest {
    private static final Set<String> PROGRESS = Set.of("Starting");

    @Test
    void theFirstStatusIsWorthAnEvent() {
        assertThat(ReadinessEvents.worth(null, ready(false, "Starting", "0 of 1 pods ready"), PROGRESS))
                .contains(new Worth(EventRecorder.NORMAL, "Starting", "0 of 1 pods ready"));
    }

    @Test
    void becomingReadyIsANormalEvent() {
        assertThat(ReadinessEvents.worth(
                        ready(false, "Starting", "0 of 1"), ready(true, "Ready", "all ready"), PROGRESS))
                .contains(new Worth(EventRecorder.NORMAL, "Ready", "all ready"));
    }

    @Test
    void aFailureIsAWarningAndSoIsEachNewMessageOfIt() {
        assertThat(ReadinessEvents.worth(
                        ready(true, "Ready", "ok"), ready(false, "ProvisioningFailed", "refused"), PROGRESS))
                .contains(new Worth(EventRecorder.WARNING, "ProvisioningFailed", "refused"));
        assertThat(ReadinessEvents.worth(
                        ready(false, "ProvisioningFailed", "refused"),
                        ready(false, "ProvisioningFailed", "timed out"),
                        PROGRESS))
                .contains(new Worth(EventRecorder.WARNING, "ProvisioningFailed", "timed out"));
    }

    @Test
    void progressThatOnlyChangesItsMessageIsWorthNoEvent() {
        assertThat(ReadinessEvents.worth(
                        ready(false, "Starting", "0 of 2"), ready(false, "Starting", "1 of 2"), PROGRESS))
                .isEmpty();
    }

    @Test
    void anUnchangedReadyConditionIsWorthNoEvent() {
        assertThat(ReadinessEvents.worth(ready(true, "Ready", "ok"), ready(true, "Ready", "ok"), PROGRESS))
                .isEmpty();
    }

    private static List<Condition> ready(boolean status, String reason, String message) {
        return List.of(Conditions.of(ConditionTypes.READY, status, reason, message, 1L));
    }
}
