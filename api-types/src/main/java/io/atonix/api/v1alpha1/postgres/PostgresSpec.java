package io.atonix.api.v1alpha1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1alpha1.common.BindingSpec;
import io.atonix.api.v1alpha1.common.ComputeResources;
import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.atonix.api.v1alpha1.common.ExporterMonitoring;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.binding) || (has(self.roles) && self.roles.exists(r, r.name == self.binding.login))",
        message = "the binding's login must be a role of spec.roles",
        fieldPath = ".binding.login")
@ValidationRule(
        value = "!has(self.databases) || self.databases.all(a, self.databases.exists_one(b, b.name == a.name))",
        message = "database names must be unique")
// Field-level rules on record components would be emitted twice (field and accessor), so they live here.
@ValidationRule(
        value =
                "!has(self.roles) || self.roles.all(r, has(self.databases) && self.databases.exists(d, d.name == r.database))",
        message = "a role connects to a database that spec.databases does not declare",
        fieldPath = ".roles")
@ValidationRule(
        value = "!has(self.roles) || self.roles.all(a, self.roles.exists_one(b, b.name == a.name))",
        message = "role names must be unique",
        fieldPath = ".roles")
@ValidationRule(
        value = "int(self.version.split('.')[0]) >= int(oldSelf.version.split('.')[0])",
        message = "the PostgreSQL major version cannot go down",
        fieldPath = ".version")
@ValidationRule(
        value = "quantity(string(self.storage)).compareTo(quantity(string(oldSelf.storage))) >= 0",
        message = "storage cannot shrink",
        fieldPath = ".storage")
public record PostgresSpec(
        @Required
        @Pattern("^(1[3-8])(\\.[0-9]+)?$")
        @JsonPropertyDescription(
                "PostgreSQL version: a major version (\"16\") follows the newest minor release of the official image; \"16.4\" pins a minor release. Minor changes roll the pods; the major version cannot go down, and a major upgrade is refused with a condition.")
        String version,

        @Default("1")
        @Min(1)
        @Max(1)
        @JsonPropertyDescription(
                "Number of PostgreSQL instances. This version runs a single primary, so 1 is the only value; read replicas will raise the limit.")
        Integer instances,

        @Required
        @JsonPropertyDescription(
                "Size of each instance's data volume. It can grow (when the StorageClass allows expansion) but never shrink.")
        Quantity storage,

        @Size(max = 253)
        @JsonPropertyDescription("StorageClass of the data volumes. Defaults to the cluster's default StorageClass.")
        String storageClassName,

        @Size(max = 32)
        @JsonPropertyDescription("Databases to create. A database removed from this list is kept, with its data.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<DatabaseSpec> databases,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Login roles for applications, each with least-privilege access to one database and a Secret of servicebinding.io keys. An AppStack fills this from its services' uses. A role removed from this list is kept.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<RoleSpec> roles,

        @Size(max = 64)
        @JsonPropertyDescription(
                "postgresql.conf parameters over the operator's defaults, as strings (for example max_connections: \"200\"). Each is checked against the parameters of the spec's major version (name, boolean and enum values, numbers with the parameter's units and range); a parameter the server would refuse makes the spec invalid (reason InvalidSpec, the field named) and nothing changes until it is fixed. Names with a dot (extension parameters) are passed through. listen_addresses, port and the file locations are set by the operator.")
        Map<String, String> parameters,

        @JsonPropertyDescription("CPU and memory for the PostgreSQL container.")
        ComputeResources resources,

        @JsonPropertyDescription(
                "Scheduled logical backups (pg_dump per database) into a volume. No backups are taken when unset.")
        BackupSpec backup,

        @JsonPropertyDescription(
                "What happens to the data volumes when this resource is deleted: Retain (default) keeps them, Delete removes them. Inside an AppStack, defaults to the stack's deletionPolicy.")
        DeletionPolicy deletionPolicy,

        @JsonPropertyDescription(
                "Prometheus scraping of the postgres_exporter that runs beside PostgreSQL. On by default.")
        ExporterMonitoring monitoring,

        @JsonPropertyDescription(
                "The login offered to servicebinding.io consumers in status.binding: a role of spec.roles. No binding when unset; never the superuser.")
        BindingSpec binding) {

    public PostgresSpec {
        databases = databases == null ? List.of() : List.copyOf(databases);
        roles = roles == null ? List.of() : List.copyOf(roles);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A spec with default monitoring: the shape before spec.monitoring existed, which callers keep using. */
    public PostgresSpec(
            String version,
            Integer instances,
            Quantity storage,
            String storageClassName,
            List<DatabaseSpec> databases,
            List<RoleSpec> roles,
            Map<String, String> parameters,
            ComputeResources resources,
            BackupSpec backup,
            DeletionPolicy deletionPolicy) {
        this(
                version,
                instances,
                storage,
                storageClassName,
                databases,
                roles,
                parameters,
                resources,
                backup,
                deletionPolicy,
                null,
                null);
    }

    /** A spec without a binding: the shape before spec.binding existed, which callers keep using. */
    public PostgresSpec(
            String version,
            Integer instances,
            Quantity storage,
            String storageClassName,
            List<DatabaseSpec> databases,
            List<RoleSpec> roles,
            Map<String, String> parameters,
            ComputeResources resources,
            BackupSpec backup,
            DeletionPolicy deletionPolicy,
            ExporterMonitoring monitoring) {
        this(
                version,
                instances,
                storage,
                storageClassName,
                databases,
                roles,
                parameters,
                resources,
                backup,
                deletionPolicy,
                monitoring,
                null);
    }

    public ExporterMonitoring monitoringOrDefault() {
        return monitoring == null ? ExporterMonitoring.defaults() : monitoring;
    }
}
