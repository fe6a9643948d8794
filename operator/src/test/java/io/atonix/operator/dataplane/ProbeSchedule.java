package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Instant;
import java.util.function.Predicate;

/** When a probe is due (its initial delay, then its period) and how many times in a row it has failed. */
final class ProbeSchedule {
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
