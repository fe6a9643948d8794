package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** When a probe is due (its initial delay, then its period) and how many times in a row it has failed. */
final class ProbeSchedule {
    static final Duration FIRST_STATUS_UPDATE = Duration.ofSeconds(1);

    private final Probe probe;
    private final long periodMillis;
    private final int failureThreshold;
    private Instant due;
    private int failures;

    private ProbeSchedule(Probe probe) {
        this.probe = probe;
        this.periodMillis = 1000L * (probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds());
        this.failureThreshold = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        this.due =
                Instant.now().plusSeconds(probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds());
    }

    static ProbeSchedule of(Probe probe) {
        return probe == null ? null : new ProbeSchedule(probe);
    }

    /**
     * A readiness probe: the kubelet runs one without a result as soon as it updates the pod's status after seeing the
     * container started, which its PLEG relist (every second) tells it, not a whole period later (an exporter's 30 s
     * would hold its database's pod unready that long); the initial delay still holds.
     */
    static ProbeSchedule readiness(Probe probe) {
        ProbeSchedule schedule = of(probe);
        if (schedule != null && schedule.due.isBefore(Instant.now().plus(FIRST_STATUS_UPDATE))) {
            schedule.due = Instant.now().plus(FIRST_STATUS_UPDATE);
        }
        return schedule;
    }

    /** The probe's result if it was due and ran, otherwise null. */
    Boolean runIfDue(Predicate<Probe> check) {
        if (Instant.now().isBefore(due)) {
            return null;
        }
        boolean passed = check.test(probe);
        failures = passed ? 0 : failures + 1;
        due = Instant.now().plusMillis(periodMillis);
        return passed;
    }

    boolean exhausted() {
        return failures >= failureThreshold;
    }
}
