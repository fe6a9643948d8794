package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.postgres.BackupStatus;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.api.v1beta1.postgres.RecoveryStatus;
import io.atonix.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a Postgres' status that continuous archiving and recovery add: the ContinuousArchiving condition from
 * the archiver's statistics, status.backup from the newest completed base backup's termination message, and
 * status.recovery from the recovery init container's. What cannot be read now (a server not reachable, a Job's pod
 * gone) keeps what the status said before.
 */
final class ArchiveStatus {
    static final String CONDITION = "ContinuousArchiving";
    static final String REASON_ARCHIVING = "Archiving";
    static final String REASON_FAILED = "ArchivingFailed";
    static final String REASON_WAITING = "NoSegmentYet";

    private ArchiveStatus() {}

    static PostgresStatus with(
            PostgresStatus status, Postgres postgres, Optional<ArchiverStats> stats, List<Pod> pods, Instant now) {
        PostgresStatus previous = postgres.getStatus();
        List<Condition> conditions = new ArrayList<>(status.conditions());
        if (ArchiveSettings.archives(postgres)) {
            Optional<Condition> archiving = stats.map(s -> condition(s, postgres))
                    .or(() -> previous == null ? Optional.empty() : Conditions.find(previous.conditions(), CONDITION));
            archiving.ifPresent(c -> conditions.add(Conditions.withTransitionTimes(
                            previous == null ? List.of() : previous.conditions(), List.of(c), now)
                    .get(0)));
        }
        BackupStatus backup =
                TerminationMessages.newestBackup(pods).orElse(previous == null ? null : previous.backup());
        RecoveryStatus recovery = previous != null && previous.recovery() != null
                ? previous.recovery()
                : TerminationMessages.recovery(pods).orElse(null);
        return new PostgresStatus(
                status.observedGeneration(),
                conditions,
                status.readyInstances(),
                status.version(),
                status.databases(),
                status.binding(),
                ArchiveSettings.archives(postgres) ? backup : null,
                postgres.getSpec().bootstrap() == null ? null : recovery);
    }

    /** True while segments reach the store, False from a failure until the next success, Unknown before the first. */
    static Condition condition(ArchiverStats stats, Postgres postgres) {
        Long generation = postgres.getMetadata().getGeneration();
        if (stats.failing()) {
            return Conditions.of(
                    CONDITION,
                    false,
                    REASON_FAILED,
                    "archiving WAL segment " + stats.lastFailedWal() + " failed (" + stats.failed()
                            + " failed attempts since the statistics were reset); the postgres container's log says why",
                    generation);
        }
        if (stats.archived() == 0) {
            return new Condition(
                    CONDITION,
                    "Unknown",
                    generation,
                    null,
                    REASON_WAITING,
                    "no WAL segment has been completed since the server started");
        }
        return Conditions.of(CONDITION, true, REASON_ARCHIVING, "WAL segments reach the object store", generation);
    }
}
