package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.postgres.PostgresStatefulSets;
import io.atonix.operator.redis.RedisStatefulSets;
import org.junit.jupiter.api.Test;

class ExporterImagesTest {

    @Test
    void theDataPlaneBuildsThePostgresExporterVersionTheOperatorDeploys() {
        assertThat(new PostgresExporterImage().knows(PostgresStatefulSets.EXPORTER_IMAGE))
                .isTrue();
        assertThat(PostgresStatefulSets.EXPORTER_IMAGE)
                .isEqualTo(PostgresExporterImage.IMAGE + PostgresExporterImage.version());
    }

    @Test
    void theDataPlaneRunsTheRedisExporterImageTheOperatorDeploysAndNoOtherImage() {
        assertThat(new RedisExporterImage().knows(RedisStatefulSets.EXPORTER_IMAGE))
                .isTrue();
        assertThat(new RedisExporterImage().knows("redis:7.2")).isFalse();
        assertThat(new PostgresExporterImage().knows("postgres:15")).isFalse();
    }
}
