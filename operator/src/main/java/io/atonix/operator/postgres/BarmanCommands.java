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
    private final String envPrefix;

    /** Commands that find the store's access in AWS_* (the server's own archive). */
    BarmanCommands(ArchiveLocation location) {
        this(location, "");
    }

    /**
     * Commands that find the store's access in variables named with {@code envPrefix} ({@link ObjectStoreAccess}),
     * passed to barman-cloud as the AWS_* it reads: a container may hold the access of two stores.
     */
    BarmanCommands(ArchiveLocation location, String envPrefix) {
        this.location = location;
        this.envPrefix = envPrefix;
    }

    /** archive_command: each completed WAL segment (%p) goes to the archive before PostgreSQL may recycle it. */
    String walArchive() {
        return command("barman-cloud-wal-archive", "%p");
    }

    /** restore_command: the segment or history file %f from the archive, into %p. */
    String walRestore() {
        return command("barman-cloud-wal-restore", "%f", "%p");
    }

    /**
     * A base backup of the server the libpq variables (PGHOST, PGUSER...) name, read from its data directory. The
     * checkpoint it starts from is taken at once: a spread one would hold the backup for minutes on an idle server.
     */
    String backup() {
        return tool("barman-cloud-backup") + " --immediate-checkpoint " + target();
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
        String command = String.join(
                " ",
                List.of(
                        name,
                        "--cloud-provider",
                        "aws-s3",
                        "--endpoint-url",
                        quote(location.store().endpoint())));
        if (envPrefix.isEmpty()) {
            return command;
        }
        return "env "
                + ObjectStoreAccess.variables(location.store()).stream()
                        .map(v -> v + "=\"$" + envPrefix + v + "\"")
                        .collect(Collectors.joining(" "))
                + " " + command;
    }

    private String target() {
        return quote(location.destination()) + " " + quote(location.server());
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
