package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {
    private static final Probe EVERY_30_SECONDS =
            new ProbeBuilder().withPeriodSeconds(30).build();

    @Test
    void aReadinessProbeFirstRunsAtTheFirstStatusUpdateASecondAfterTheStartNotAPeriodLater() throws Exception {
        ProbeSchedule readiness = ProbeSchedule.readiness(EVERY_30_SECONDS);

        assertThat(readiness.runIfDue(probe -> true)).as("at the start").isNull();
        Thread.sleep(ProbeSchedule.FIRST_STATUS_UPDATE.toMillis() + 100);
        assertThat(readiness.runIfDue(probe -> false))
                .as("after the first status update")
                .isFalse();
        assertThat(readiness.runIfDue(probe -> true)).as("then a period later").isNull();
    }

    @Test
    void aReadinessProbeStillWaitsForALongerInitialDelay() throws Exception {
        ProbeSchedule readiness = ProbeSchedule.readiness(
                new ProbeBuilder().withInitialDelaySeconds(60).build());

        Thread.sleep(ProbeSchedule.FIRST_STATUS_UPDATE.toMillis() + 100);
        assertThat(readiness.runIfDue(probe -> true)).isNull();
    }
}
