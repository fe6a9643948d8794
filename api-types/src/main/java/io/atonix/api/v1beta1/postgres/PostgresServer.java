package io.atonix.api.v1beta1.postgres;

import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server that a standalone Postgres and an AppStack's spec.postgres both declare: its fields, their
 * descriptions and its rules, written once. The CRD build (SchemaAdditions) adds these CEL rules to the schema of
 * every record implementing this interface, since fabric8's generator reads rules of classes, not of interfaces; the
 * operator checks the same in PostgresServerRules.
 */
@ValidationRule(
        value = "!has(self.databases) || self.databases.all(a, self.databases.exists_one(b, b.name == a.name))",
        message = "database names must be unique")
@ValidationRule(
        value = "int(self.version.split('.')[0]) >= int(oldSelf.version.split('.')[0])",
        message = "the PostgreSQL major version cannot go down",
        fieldPath = ".version")
@ValidationRule(
        value =
                "has(self.bootstrap) == has(oldSelf.bootstrap) && (!has(self.bootstrap) || self.bootstrap == oldSelf.bootstrap)",
        message = "bootstrap is read once, when the Postgres is created, and cannot change",
        fieldPath = ".bootstrap")
public interface PostgresServer {
    String VERSION_PATTERN = "^(1[3-8])(\\.[0-9]+)?$";
    String VERSION =
            "PostgreSQL version: a major version (\"16\") follows the newest minor release of the official image; \"16.4\" pins a minor release. Minor changes roll the pods; the major version cannot go down, and a major upgrade is refused with a condition.";
    String INSTANCES =
            "Number of PostgreSQL instances. This version runs a single primary, so 1 is the only value; read replicas will raise the limit.";
    String STORAGE =
            "Each instance's data volume: its size (it can grow, when the StorageClass allows expansion, but never shrink) and StorageClass.";
    String DATABASES = "Databases to create. A database removed from this list is kept, with its data.";
    String PARAMETERS =
            "postgresql.conf parameters over the operator's defaults, as strings (for example max_connections: \"200\"). Each is checked against the parameters of the spec's major version (name, boolean and enum values, numbers with the parameter's units and range); a parameter the server would refuse makes the spec invalid (reason InvalidSpec, the field named) and nothing changes until it is fixed. Names with a dot (extension parameters) are passed through. listen_addresses, port and the file locations are set by the operator.";
    String RESOURCES = "CPU and memory for the PostgreSQL container.";
    String BACKUP =
            "Scheduled backups: logical dumps (pg_dump per database) into a volume, or continuous archiving (base backups and the write-ahead log) to an S3-compatible object store. No backups are taken when unset.";

    String BOOTSTRAP =
            "Where the new server's data comes from: recovery from another Postgres' archive in an object store, into this resource's new, empty volume. An empty server (initdb) when unset. Set at creation only.";

    String TLS =
            "TLS between PostgreSQL and its clients: mode Required refuses plain connections; Disabled (default) keeps them.";

    String version();

    Integer instances();

    VolumeSpec storage();

    List<DatabaseSpec> databases();

    Map<String, String> parameters();

    ComputeResources resources();

    BackupSpec backup();

    BootstrapSpec bootstrap();

    TlsSpec tls();

    /** Whether the server accepts TLS connections only (spec.tls.mode Required). */
    default boolean tlsRequired() {
        return tls() != null && tls().required();
    }
}
