package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresParametersTest {

    @Test
    void valuesTheServerTakesPass() {
        assertThat(PostgresParameters.problems(
                        "17",
                        Map.ofEntries(
                                Map.entry("shared_buffers", "1GB"),
                                Map.entry("work_mem", "65536"),
                                Map.entry("checkpoint_timeout", "15min"),
                                Map.entry("vacuum_cost_delay", "2.5ms"),
                                Map.entry("random_page_cost", "1.1"),
                                Map.entry("log_min_duration_statement", "-1"),
                                Map.entry("wal_level", "Logical"),
                                Map.entry("synchronous_commit", "off"),
                                Map.entry("huge_pages", "true"),
                                Map.entry("jit", "no"),
                                Map.entry("fsync", "ON"),
                                Map.entry("DateStyle", "ISO, MDY"),
                                Map.entry("shared_preload_libraries", "pg_stat_statements"),
                                Map.entry("pg_stat_statements.max", "10000"),
                                Map.entry("max_connections", "0x100"))))
                .isEmpty();
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(PostgresParameters.problems(
                        "17",
                        Map.of(
                                "port", "6432",
                                "bad name", "1",
                                "shared_bufers", "1GB",
                                "work_mem", "4mb",
                                "checkpoint_timeout", "10GB",
                                "max_connections", "lots",
                                "fsync", "maybe",
                                "wal_level", "archive",
                                "shared_buffers", "1",
                                "application_name", "a\nb")))
                .containsExactly(
                        Map.entry("application_name", "the value must be one line"),
                        Map.entry("bad name", "is not a parameter name"),
                        Map.entry(
                                "checkpoint_timeout",
                                "'GB' is not a unit of this parameter (units: us, ms, s, min, h, d)"),
                        Map.entry("fsync", "'maybe' is not a boolean (on or off)"),
                        Map.entry("max_connections", "'lots' is not a number"),
                        Map.entry("port", "is set by the operator"),
                        Map.entry(
                                "shared_bufers", "PostgreSQL 17 has no such parameter (did you mean shared_buffers?)"),
                        Map.entry("shared_buffers", "'1' is outside 16 to 1073741823 (in 8kB)"),
                        Map.entry("wal_level", "'archive' is not one of minimal, replica, logical"),
                        Map.entry(
                                "work_mem",
                                "'mb' is not a unit of this parameter (units: B, kB, MB, GB, TB; case matters)"));
    }

    @Test
    void theCatalogFollowsTheMajorVersion() {
        // Removed in 17 (db_user_namespace) and added in 17 (allow_alter_system).
        assertThat(PostgresParameters.problems("16", Map.of("db_user_namespace", "off")))
                .isEmpty();
        assertThat(PostgresParameters.problems("17.2", Map.of("db_user_namespace", "off")))
                .containsOnlyKeys("db_user_namespace");
        assertThat(PostgresParameters.problems("16", Map.of("allow_alter_system", "off")))
                .containsOnlyKeys("allow_alter_system");
        for (int major = 13; major <= 18; major++) {
            assertThat(PostgresSettings.of(major))
                    .as("catalog of PostgreSQL %d", major)
                    .isPresent();
        }
    }

    @Test
    void theValidatorNamesTheField() {
        Postgres postgres = new Postgres();
        postgres.setMetadata(
                new ObjectMetaBuilder().withName("orders").withNamespace("shop").build());
        postgres.setSpec(PostgresBuildersTest.spec("16", "1Gi", null, Map.of("max_conections", "200")));
        assertThat(PostgresValidator.problems(postgres))
                .containsExactly(new SpecProblem(
                        "spec.parameters.max_conections",
                        "PostgreSQL 16 has no such parameter (did you mean max_connections?)"));
    }
}
