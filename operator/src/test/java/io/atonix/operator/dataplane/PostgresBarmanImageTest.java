package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBarmanImageTest {
    private final ImageRuntime image = new PostgresBarmanImage();

    @TempDir
    Path podDirectory;

    @Test
    void itKnowsTheProjectsPostgresBarmanImageOfAnyMajorAndNotTheOfficialOne() {
        assertThat(List.of("ghcr.io/atonix/postgres-barman:15", "ghcr.io/atonix/postgres-barman:17.2"))
                .allMatch(image::knows);
        assertThat(List.of("postgres:15", "ghcr.io/atonix/postgres-barman", "ghcr.io/acme/postgres-barman:15"))
                .noneMatch(image::knows);
    }

    @Test
    void itsContainerIsThePostgresImagesWithEveryBarmanCloudProgramRunnableFromItsPath() throws Exception {
        Container container = new ContainerBuilder()
                .withName("postgres")
                .withImage("ghcr.io/atonix/postgres-barman:15")
                .withArgs("-c", "archive_mode=on")
                .build();
        var pod = new PodContext(
                new PodBuilder()
                        .withNewMetadata()
                        .withName("db-0")
                        .endMetadata()
                        .withNewSpec()
                        .withContainers(container)
                        .withNewSecurityContext()
                        .withRunAsUser(999L)
                        .endSecurityContext()
                        .endSpec()
                        .build(),
                "127.0.9.9",
                podDirectory);

        ProcessSpec process = image.launch(container, pod);

        assertThat(process.kind()).isEqualTo("postgres");
        assertThat(process.command()).contains("docker-entrypoint.sh", "archive_mode=on", "listen_addresses=127.0.9.9");
        for (String tool : List.of("wal-archive", "wal-restore", "backup", "restore", "backup-list", "backup-delete")) {
            ProcessBuilder help =
                    new ProcessBuilder("sh", "-c", "barman-cloud-" + tool + " --help").redirectErrorStream(true);
            help.environment().putAll(process.environment());
            Process run = help.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(1, TimeUnit.MINUTES) && run.exitValue() == 0)
                    .as(output)
                    .isTrue();
            assertThat(output).startsWith("usage: barman-cloud-" + tool);
        }
        // Mounted into the container at the same path, which PATH and PYTHONPATH name.
        assertThat(process.imageFiles())
                .anySatisfy((inside, host) -> assertThat(Path.of(inside, "usr/bin/barman-cloud-wal-archive"))
                        .isEqualTo(host.resolve("usr/bin/barman-cloud-wal-archive"))
                        .exists());
    }
}
