package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import java.util.Map;

/**
 * The postgresql.conf parameters of continuous archiving: every completed WAL segment goes to the object store
 * through barman-cloud-wal-archive, and a quiet server switches segments at least every five minutes, so that what it
 * committed reaches the archive within that time even without traffic.
 */
final class ArchiveSettings {
    static final String ARCHIVE_TIMEOUT = "5min";

    private ArchiveSettings() {}

    /** Defaults a spec's parameters may change. */
    static Map<String, String> defaults(Postgres postgres) {
        return archives(postgres) ? Map.of("archive_timeout", ARCHIVE_TIMEOUT) : Map.of();
    }

    /** The operator's own, which a spec cannot change (PostgresParameters.RESERVED). */
    static Map<String, String> parameters(Postgres postgres) {
        if (!archives(postgres)) {
            return Map.of();
        }
        var backup = postgres.getSpec().backup();
        ArchiveLocation location = ArchiveLocation.of(
                backup.objectStore(),
                postgres.getMetadata().getNamespace(),
                postgres.getMetadata().getName());
        return Map.of("archive_mode", "on", "archive_command", new BarmanCommands(location).walArchive());
    }

    static boolean archives(Postgres postgres) {
        return postgres.getSpec().backup() != null
                && postgres.getSpec().backup().objectStore() != null;
    }
}
