package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a backup run leaves behind: its pod is none of the Services' endpoints, and its script leaves a complete dump
 * or nothing. The script runs here under /bin/sh with a pg_dump of the test's own on PATH, in a directory that stands
 * for the backup volume's mount.
 */
class PostgresBackupJobTest {
    private static final Postgres POSTGRES = PostgresBuildersTest.postgres(new PostgresSpec(
            "15",
            1,
            VolumeSpec.of("1Gi"),
            List.of(new DatabaseSpec("shop", null)),
            null,
            null,
            null,
            BackupSpec.toVolume("0 3 * * *", 2, VolumeSpec.of("1Gi")),
            DeletionPolicy.Delete,
            null,
            null,
            null));

    @Test
    void theBackupJobsPodIsSelectedByNeitherServiceOfThePostgresWhileTheServersPodIsSelectedByBoth() {
        Map<String, String> backupPod = PostgresBackups.cronJob(POSTGRES)
                .orElseThrow()
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Map<String, String> serverPod = PostgresStatefulSets.desired(POSTGRES, Optional.empty())
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        for (var service : List.of(PostgresServices.primary(POSTGRES), PostgresServices.headless(POSTGRES))) {
            var selector = service.getSpec().getSelector().entrySet();
            assertThat(backupPod.entrySet().containsAll(selector))
                    .as("the backup pod in " + service.getMetadata().getName())
                    .isFalse();
            assertThat(serverPod.entrySet().containsAll(selector))
                    .as("the server pod in " + service.getMetadata().getName())
                    .isTrue();
        }
        assertThat(backupPod).containsEntry(io.atonix.operator.common.Labels.POSTGRES, "shop-postgres");
    }

    @Test
    void aPgDumpThatFailsAfterCreatingItsFileFailsTheRunAndLeavesNoPartialDump(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "echo part > \"${1#--file=}\"; exit 1")).isEqualTo(1);

        assertThat(files(dir.resolve("backups"))).isEmpty();
    }

    @Test
    void aPgDumpThatSucceedsLeavesOneCompleteDumpAndNoPartialOne(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "echo whole > \"${1#--file=}\"")).isEqualTo(0);

        assertThat(files(dir.resolve("backups")))
                .singleElement()
                .satisfies(name -> assertThat(name).matches("shop-\\d{8}T\\d{6}Z\\.dump"));
    }

    /** Runs the backup script with a pg_dump that runs {@code body} with pg_dump's arguments but the format. */
    private static int run(Path dir, String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path pgDump = bin.resolve("pg_dump");
        Files.writeString(pgDump, "#!/bin/sh\nshift\n" + body + "\n");
        Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwxr-xr-x"));
        String script = PostgresBackups.script(POSTGRES.getSpec().databases(), 2)
                .replace(PostgresBackups.MOUNT + "/", backups + "/");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(output).isTrue();
        return process.exitValue();
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
