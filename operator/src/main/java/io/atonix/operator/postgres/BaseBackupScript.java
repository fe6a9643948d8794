package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;

/**
 * The shell script of a base backup: barman-cloud-backup, retention, then the store's summary as the termination
 * message (JSON with lastSuccessfulBackup and firstRecoverabilityPoint, RFC 3339), computed by the image's Python
 * from barman-cloud-backup-list: the ends of the newest and the oldest base backups that completed.
 */
final class BaseBackupScript {
    static final String SUMMARY = BarmanJson.END + """
            done = sorted(end(b) for b in json.load(open(sys.argv[1]))["backups_list"] if b.get("status") == "DONE")
            z = lambda v: v.astimezone(d.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            print(json.dumps({"lastSuccessfulBackup": z(done[-1]), "firstRecoverabilityPoint": z(done[0])}))
            """;

    private BaseBackupScript() {}

    static String of(Postgres postgres) {
        var backup = postgres.getSpec().backup();
        BarmanCommands barman = new BarmanCommands(ArchiveLocation.of(
                backup.objectStore(),
                postgres.getMetadata().getNamespace(),
                postgres.getMetadata().getName()));
        return "set -eu\n"
                + barman.backup() + "\n"
                + barman.deleteBeyond(PostgresBackups.retain(backup)) + "\n"
                + barman.list() + " > /tmp/backups.json\n"
                + "python3 -c " + BarmanCommands.quote(SUMMARY) + " /tmp/backups.json > /dev/termination-log\n"
                + "cat /dev/termination-log\n";
    }
}
