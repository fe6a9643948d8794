package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The recovery init container's script. On a data volume that holds no recovered server yet it restores the newest
 * base backup that ended before the target time, replays the source's archived WAL up to that time in a server of its
 * own (local socket only), which then promotes onto a new timeline; it gives the superuser this Postgres' password
 * (the restored one is the source's), checkpoints, stops the server and leaves a marker, so that the postgres container
 * then starts on recovered data and a restart never recovers twice. It never clears a data directory that it did
 * not begin to fill itself. Its termination message reports when recovery
 * ended and on which timeline (status.recovery). The source's archive is read with the RECOVERY_AWS_* variables; the
 * server's own archive, if it has one, keeps AWS_*.
 */
final class RecoveryScript {
    static final String MARKER = PostgresConfig.DATA_MOUNT + "/atonix-recovered";
    /** Left by a recovery that began: only then may a later attempt clear the data directory and begin again. */
    static final String STARTED = PostgresConfig.DATA_MOUNT + "/atonix-recovering";

    static final String SOCKET = "/var/run/postgresql";

    private RecoveryScript() {}

    /**
     * An RFC 3339 time as PostgreSQL reads recovery_target_time while it loads its configuration, when it knows no
     * time zone abbreviations yet: "Z" would be refused, so the offset is written as a number.
     */
    static String serverTime(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).format(SERVER_TIME);
    }

    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    static String of(Postgres postgres) {
        var recovery = postgres.getSpec().bootstrap().recovery();
        BarmanCommands source = new BarmanCommands(
                ArchiveLocation.of(
                        recovery.objectStore(), postgres.getMetadata().getNamespace(), recovery.source()),
                RecoveryPodParts.ENV_PREFIX);
        String target = recovery.targetTime() == null ? "" : recovery.targetTime();
        String psql = "psql -h " + SOCKET + " -U postgres -d postgres -v ON_ERROR_STOP=1 -tA";
        return "set -eu\n"
                + "if [ -e " + MARKER + " ]; then echo 'recovered before'; exit 0; fi\n"
                + "if [ -e \"$PGDATA/PG_VERSION\" ] && [ ! -e " + STARTED + " ]; then\n"
                + "  echo 'the data volume holds a server this recovery did not write: refusing to overwrite it' >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + "touch " + STARTED + "\n"
                + "rm -rf \"$PGDATA\" && mkdir -p \"$PGDATA\" && chmod 700 \"$PGDATA\"\n"
                + source.list() + " > /tmp/backups.json\n"
                + "backup=$(python3 -c " + BarmanCommands.quote(BackupChoice.SCRIPT) + " /tmp/backups.json "
                + BarmanCommands.quote(target) + ")\n"
                + "echo \"restoring base backup $backup\"\n"
                + source.restore("\"$backup\"", PostgresConfig.PGDATA) + "\n"
                + "touch \"$PGDATA/recovery.signal\"\n"
                + "postgres -c config_file=" + PostgresConfig.MOUNT + "/" + PostgresConfig.FILE
                + " -c listen_addresses= -c unix_socket_directories=" + SOCKET
                + " -c " + BarmanCommands.quote("restore_command=" + source.walRestore())
                + (target.isEmpty() ? "" : " -c " + BarmanCommands.quote("recovery_target_time=" + serverTime(target)))
                + " -c recovery_target_action=promote &\n"
                + "server=$!\n"
                + "until [ \"$(" + psql + " -c 'SELECT NOT pg_is_in_recovery()' 2>/dev/null)\" = t ]; do\n"
                + "  if ! kill -0 \"$server\" 2>/dev/null; then wait \"$server\" || true; echo 'recovery failed' >&2;"
                + " exit 1; fi\n"
                + "  sleep 1\n"
                + "done\n"
                + "echo \"ALTER ROLE postgres PASSWORD :'password';\" | " + psql
                + " -v password=\"$POSTGRES_PASSWORD\" -q\n"
                + psql + " -c CHECKPOINT > /dev/null\n"
                + "timeline=$(" + psql + " -c 'SELECT timeline_id FROM pg_control_checkpoint()')\n"
                + "kill -INT \"$server\" && wait \"$server\" || true\n"
                + "touch " + MARKER + " && rm -f " + STARTED + "\n"
                + "printf '{\"endedAt\":\"%s\",\"timeline\":%s}' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$timeline\""
                + " | tee /dev/termination-log\n";
    }
}
