package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back a status write that only moves progress (pod counts while pods start) until {@link #INTERVAL} after the
 * primary's last write: each pod that becomes ready would otherwise cost its stack a write, the most frequent request
 * of a cluster whose pods are starting. The reconcile that holds a write back asks to run again when the interval ends,
 * so the stored status is at most that much behind; a write of anything a reader acts on (a generation observed, a
 * condition's status or reason) is never held ({@link ReconcileFlow.Steps#onlyProgressMoved}).
 */
public final class StatusPace {
    public static final Duration INTERVAL = Duration.ofSeconds(1);
    private final Map<String, Instant> lastWrites = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.EPOCH;

    /** How long a write of progress alone must wait for this primary; empty when it may be made now. */
    Optional<Duration> holdBack(HasMetadata primary, Instant now) {
        Instant last = lastWrites.get(primary.getMetadata().getUid());
        if (last == null) {
            return Optional.empty();
        }
        Duration since = Duration.between(last, now);
        return since.compareTo(INTERVAL) >= 0 ? Optional.empty() : Optional.of(INTERVAL.minus(since));
    }

    void wrote(HasMetadata primary, Instant now) {
        lastWrites.put(primary.getMetadata().getUid(), now);
        if (Duration.between(lastSweep, now).compareTo(INTERVAL) > 0) {
            lastSweep = now;
            // A write longer ago than the interval holds nothing back: only the last interval's writes are kept.
            lastWrites.values().removeIf(at -> Duration.between(at, now).compareTo(INTERVAL) >= 0);
        }
    }
}
