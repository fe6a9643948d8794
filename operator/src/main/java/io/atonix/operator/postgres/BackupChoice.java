package io.atonix.operator.postgres;

/**
 * Which base backup a recovery starts from: the newest completed one that ended at or before the target time (RFC
 * 3339, argv[2]; any when empty), read from barman-cloud-backup-list's JSON (argv[1]) by the image's Python. Replaying
 * WAL from a backup that ended after the target could never stop at the target.
 */
final class BackupChoice {
    static final String SCRIPT = BarmanJson.END + """
            target = sys.argv[2]
            t = d.datetime.fromisoformat(target.replace("Z", "+00:00")) if target else None
            done = [b for b in json.load(open(sys.argv[1]))["backups_list"] if b.get("status") == "DONE"]
            fit = sorted((end(b), b["backup_id"]) for b in done if t is None or end(b) <= t)
            if not fit:
                sys.exit("no completed base backup ended before " + (target or "now"))
            print(fit[-1][1])
            """;

    private BackupChoice() {}
}
