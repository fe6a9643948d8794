package io.atonix.operator.postgres;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * barman-cloud's command lines for one archive. Every value from a spec is a single-quoted shell word: PostgreSQL runs
 * archive_command and restore_command through a shell, and the endpoint, bucket and path are the user's text.
 */
final class BarmanCommands {
    private final ArchiveLocation location;

    BarmanCommands(ArchiveLocation location) {
        this.location = location;
    }

    /** archive_command: each completed WAL segment (%p) goes to the archive before PostgreSQL may recycle it. */
    String walArchive() {
        return command("barman-cloud-wal-archive", "%p");
    }

    /** restore_command: the segment or history file %f from the archive, into %p. */
    String walRestore() {
        return command("barman-cloud-wal-restore", "%f", "%p");
    }

    /** A base backup of the server the libpq variables (PGHOST, PGUSER...) name, read from its data directory. */
    String backup() {
        return command("barman-cloud-backup");
    }

    /** Removes the base backups beyond the newest {@code retain}, and the WAL only they needed. */
    String deleteBeyond(int retain) {
        return tool("barman-cloud-backup-delete") + " --retention-policy " + quote("REDUNDANCY " + retain) + " "
                + target();
    }

    /** The archive's base backups as JSON. */
    String list() {
        return tool("barman-cloud-backup-list") + " --format json " + target();
    }

    /** The base backup {@code backupId} (a shell word, such as "$backup") restored into {@code directory}. */
    String restore(String backupId, String directory) {
        return command("barman-cloud-restore") + " " + backupId + " " + quote(directory);
    }

    private String command(String name, String... placeholders) {
        return Stream.concat(Stream.of(tool(name) + " " + target()), Stream.of(placeholders))
                .collect(Collectors.joining(" "));
    }

    private String tool(String name) {
        return String.join(
                " ",
                List.of(
                        name,
                        "--cloud-provider",
                        "aws-s3",
                        "--endpoint-url",
                        quote(location.store().endpoint())));
    }

    private String target() {
        return quote(location.destination()) + " " + quote(location.server());
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
