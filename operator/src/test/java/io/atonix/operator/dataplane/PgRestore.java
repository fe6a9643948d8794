package io.atonix.operator.dataplane;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian 15's pg_restore run by the test on this machine, as someone restoring a backup would run it from outside the
 * cluster: into one database of a server, as that database's owner role. {@code --no-owner} with {@code --role} makes
 * the restored objects the owner's, whatever role owned them where the dump was taken, so the role privileges the
 * operator set up for the owner's objects (default privileges) hold for them.
 */
final class PgRestore {
    private PgRestore() {}

    /** Restores {@code dump} into {@code database} on {@code address}:5432; fails with pg_restore's output. */
    static void into(Path dump, String address, String database, Map<String, String> owner) throws Exception {
        PostgresInstallation debian = PostgresInstallations.of(PostgresInstallations.DEBIAN_MAJOR);
        List<String> command = List.of(
                debian.path().get(0).resolve("pg_restore").toString(),
                "--host=" + address,
                "--port=5432",
                "--username=" + owner.get("username"),
                "--no-password",
                "--dbname=" + database,
                "--no-owner",
                "--role=" + owner.get("username"),
                "--exit-on-error",
                dump.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(debian.libraries());
        builder.environment().put("PGPASSWORD", owner.get("password"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }
}
