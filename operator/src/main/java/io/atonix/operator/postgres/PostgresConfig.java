package io.atonix.operator.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

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

    /** Where the server listens and keeps its files: the pod spec depends on these, so a spec cannot change them. */
    static final Set<String> RESERVED = Set.of("listen_addresses", "port", "data_directory", "hba_file", "ident_file",
            "config_file", "unix_socket_directories", "external_pid_file");
    private static final Pattern NAME = Pattern.compile("^[a-z_][a-z0-9_.]{0,62}$");
    private static final Map<String, String> DEFAULTS = Map.of(
            "max_connections", "100",
            "shared_buffers", "128MB",
            "password_encryption", "scram-sha-256",
            "log_destination", "stderr",
            "log_min_duration_statement", "1000",
            "dynamic_shared_memory_type", "posix");

    private PostgresConfig() {
    }

    /** Parameters the spec asks for that cannot be applied, each with the reason; they are left out of the file. */
    public static List<String> refusedParameters(Map<String, String> parameters) {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            if (RESERVED.contains(parameter.getKey())) {
                refused.add(parameter.getKey() + " is set by the operator");
            } else if (!NAME.matcher(parameter.getKey()).matches()) {
                refused.add(parameter.getKey() + " is not a parameter name");
            } else if (parameter.getValue() == null || parameter.getValue().contains("\n") || parameter.getValue().contains("\r")) {
                refused.add(parameter.getKey() + " has a value that spans lines");
            }
        }
        return refused;
    }

    public static String file(Postgres postgres) {
        Map<String, String> settings = new TreeMap<>(DEFAULTS);
        Map<String, String> parameters = new TreeMap<>(postgres.getSpec().parameters());
        List<String> refused = refusedParameters(parameters);
        parameters.keySet().removeIf(name -> refused.stream().anyMatch(r -> r.startsWith(name + " ")));
        settings.putAll(parameters);
        StringBuilder file = new StringBuilder("# Written by the Atonix operator from Postgres ")
                .append(postgres.getMetadata().getName()).append("; edit spec.parameters instead.\n");
        file.append("listen_addresses = '*'\n");
        file.append("port = ").append(PORT).append('\n');
        file.append("data_directory = '").append(PGDATA).append("'\n");
        file.append("hba_file = '").append(PGDATA).append("/pg_hba.conf'\n");
        file.append("ident_file = '").append(PGDATA).append("/pg_ident.conf'\n");
        settings.forEach((name, value) -> file.append(name).append(" = ").append(literal(value)).append('\n'));
        return file.toString();
    }

    public static ConfigMap desired(Postgres postgres) {
        return PostgresObjects.finish(new ConfigMapBuilder()
                .withMetadata(PostgresObjects.metadata(postgres, Names.postgresConfig(postgres.getMetadata().getName())))
                .addToData(FILE, file(postgres))
                .build());
    }

    /** A postgresql.conf string literal: single quotes doubled, backslashes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
