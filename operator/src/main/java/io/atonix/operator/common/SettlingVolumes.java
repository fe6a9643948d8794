package io.atonix.operator.common;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The volumes this operator process set reclaim policy Retain on, and when: until {@link Retention#SETTLING} has passed,
 * a reconcile knows such a volume is still settling without reading it ({@link VolumeReclaim}). Every reconcile of a
 * Postgres or Redis during that time would otherwise read each of its volumes. Only a shortcut: a process that did not
 * make the write (after a restart, another replica) reads the volume and finds the same in its annotation.
 */
public final class SettlingVolumes {
    private final Map<String, Instant> retainedAt = new ConcurrentHashMap<>();

    /** Whether this process set Retain on the volume less than the settling time ago; forgets it once that passed. */
    boolean settling(String volume, Instant now) {
        Instant since = retainedAt.get(volume);
        if (since == null) {
            return false;
        }
        if (WaitStart.over(since, Retention.SETTLING, now)) {
            // The reconcile that follows a settling time reads the volume: nothing is kept once it is of no use.
            retainedAt.remove(volume, since);
            return false;
        }
        return true;
    }

    void retained(String volume, Instant now) {
        retainedAt.put(volume, now);
    }
}
