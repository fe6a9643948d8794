package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.postgres.PostgresSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameter catalog the operator ships for PostgreSQL 17 is exactly the pg_settings of the real PostgreSQL 17 the SQL
 * tests run (the same release tools/postgres-settings/generate.sh reads): a regenerated or edited catalog that no
 * longer matches the server fails here.
 */
class PostgresSettingsCatalogTest {

    @Test
    void theShippedCatalogIsTheRealServersPgSettings() throws Exception {
        List<String> server = new ArrayList<>();
        try (RealPostgres postgres = RealPostgres.start();
                Connection connection = postgres.superuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT name, vartype, coalesce(unit, ''), coalesce(min_val, ''),"
                                + " coalesce(max_val, ''), coalesce(array_to_string(enumvals, ','), '') FROM pg_settings ORDER BY name")) {
            while (rows.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    fields.add(rows.getString(i));
                }
                server.add(String.join("\t", fields));
            }
        }
        List<String> shipped;
        try (InputStream in = PostgresSettings.class.getResourceAsStream("settings/pg17.tsv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .toList();
        }
        assertThat(shipped).hasSizeGreaterThan(300);
        assertThat(server).containsExactlyElementsOf(shipped);
        assertThat(PostgresSettings.of(17)
                        .orElseThrow()
                        .find("shared_buffers")
                        .orElseThrow()
                        .unit())
                .isEqualTo("8kB");
    }
}
