package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * postgresql.conf of a Postgres: the operator's defaults, then the spec's parameters. The file lives outside the
 * data directory, in a ConfigMap, so that a change is a change of the pod template (through its hash) and rolls the
 * pod.
 */
public final class PostgresConfig {
    public static final String FILE = "postgresql.conf";
    public static final String MOUNT = "/etc/postgresql";
    public static final String DATA_MOUNT = "/var/lib/postgresql/data";
    public static final String PGDATA = DATA_MOUNT + "/pgdata";
    public static final int PORT = 5432;

    private static final Map<String, String> DEFAULTS = Map.of(
            "max_connections", "100",
            "shared_buffers", "128MB",
            "password_encryption", "scram-sha-256",
            "log_destination", "stderr",
            "log_min_duration_statement", "1000",
            "dynamic_shared_memory_type", "posix");

    private PostgresConfig() {}

    public static String file(Postgres postgres) {
        Map<String, String> settings = new TreeMap<>(DEFAULTS);
        // The spec's parameters were checked by PostgresParameters (through PostgresValidator) before this runs.
        settings.putAll(ArchiveSettings.defaults(postgres));
        settings.putAll(postgres.getSpec().parameters());
        settings.putAll(ArchiveSettings.parameters(postgres));
        StringBuilder file = new StringBuilder("# Written by the Atonix operator from Postgres ")
                .append(postgres.getMetadata().getName())
                .append("; edit spec.parameters instead.\n");
        file.append("listen_addresses = '*'\n");
        file.append("port = ").append(PORT).append('\n');
        file.append("data_directory = '").append(PGDATA).append("'\n");
        file.append("hba_file = '").append(PGDATA).append("/pg_hba.conf'\n");
        file.append("ident_file = '").append(PGDATA).append("/pg_ident.conf'\n");
        settings.forEach((name, value) ->
                file.append(name).append(" = ").append(literal(value)).append('\n'));
        return file.toString();
    }

    public static ConfigMap desired(Postgres postgres) {
        return PostgresObjects.finish(new ConfigMapBuilder()
                .withMetadata(PostgresObjects.metadata(
                        postgres, Names.postgresConfig(postgres.getMetadata().getName())))
                .addToData(FILE, file(postgres))
                .build());
    }

    /** A postgresql.conf string literal: single quotes doubled, backslashes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
