package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.TlsPodParts;
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
    /** Only when the server requires TLS: the operator's own client authentication rules, beside the config. */
    public static final String HBA_FILE = "pg_hba.conf";

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
        // Last, so that no parameter turns TLS off under the rules that accept TLS connections alone.
        settings.putAll(tls(postgres));
        StringBuilder file = new StringBuilder("# Written by the Atonix operator from Postgres ")
                .append(postgres.getMetadata().getName())
                .append("; edit spec.parameters instead.\n");
        file.append("listen_addresses = '*'\n");
        file.append("port = ").append(PORT).append('\n');
        file.append("data_directory = '").append(PGDATA).append("'\n");
        file.append("hba_file = '")
                .append(postgres.getSpec().tlsRequired() ? MOUNT + "/" + HBA_FILE : PGDATA + "/pg_hba.conf")
                .append("'\n");
        file.append("ident_file = '").append(PGDATA).append("/pg_ident.conf'\n");
        settings.forEach((name, value) ->
                file.append(name).append(" = ").append(literal(value)).append('\n'));
        return file.toString();
    }

    public static ConfigMap desired(Postgres postgres) {
        ConfigMapBuilder map = new ConfigMapBuilder()
                .withMetadata(PostgresObjects.metadata(
                        postgres, Names.postgresConfig(postgres.getMetadata().getName())))
                .addToData(FILE, file(postgres));
        if (postgres.getSpec().tlsRequired()) {
            map.addToData(HBA_FILE, hba(postgres));
        }
        return PostgresObjects.finish(map.build());
    }

    /** The server's certificate and key, from the mounted TLS Secret. */
    private static Map<String, String> tls(Postgres postgres) {
        if (!postgres.getSpec().tlsRequired()) {
            return Map.of();
        }
        return Map.of(
                "ssl",
                "on",
                "ssl_cert_file",
                TlsPodParts.file(ServerCertificate.TLS_CRT),
                "ssl_key_file",
                TlsPodParts.file(ServerCertificate.TLS_KEY),
                "ssl_min_protocol_version",
                "TLSv1.2");
    }

    /**
     * pg_hba.conf of a server that requires TLS: every network connection must be TLS and log in with a password
     * (hostssl), a plain one is refused; the container's own socket keeps the image's trust, which the image's start
     * (initdb, the first database) and the recovery script use.
     */
    static String hba(Postgres postgres) {
        Map<String, String> settings = new TreeMap<>(DEFAULTS);
        settings.putAll(postgres.getSpec().parameters());
        String method = settings.get("password_encryption");
        return "# Written by the Atonix operator from Postgres "
                + postgres.getMetadata().getName()
                + ": spec.tls.mode is Required.\n"
                + "local     all  all       trust\n"
                + "local     replication  all  trust\n"
                + "hostssl   all  all  all  " + method + "\n"
                + "hostssl   replication  all  all  " + method + "\n"
                + "hostnossl all  all  all  reject\n"
                + "hostnossl replication  all  all  reject\n";
    }

    /** A postgresql.conf string literal: single quotes doubled, backslashes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
