package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.BindingSpec;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.ExporterMonitoring;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * A standalone PostgreSQL server: the server (PostgresServer), and what its author owns besides — the roles, the
 * deletion policy, the exporter's monitoring and the binding. A stack's Postgres gets these from the stack.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.binding) || (has(self.roles) && self.roles.exists(r, r.name == self.binding.login))",
        message = "the binding's login must be a role of spec.roles",
        fieldPath = ".binding.login")
@ValidationRule(
        value =
                "!has(self.roles) || self.roles.all(r, has(self.databases) && self.databases.exists(d, d.name == r.database))",
        message = "a role connects to a database that spec.databases does not declare",
        fieldPath = ".roles")
@ValidationRule(
        value = "!has(self.roles) || self.roles.all(a, self.roles.exists_one(b, b.name == a.name))",
        message = "role names must be unique",
        fieldPath = ".roles")
public record PostgresSpec(
        @Required @Pattern(PostgresServer.VERSION_PATTERN) @JsonPropertyDescription(PostgresServer.VERSION)
        String version,

        @Default("1") @Min(1) @Max(1) @JsonPropertyDescription(PostgresServer.INSTANCES)
        Integer instances,

        @Required @JsonPropertyDescription(PostgresServer.STORAGE)
        VolumeSpec storage,

        @Size(max = 32)
        @JsonPropertyDescription(PostgresServer.DATABASES)
        @ListType(value = ListType.Kind.map, keys = "name")
        List<DatabaseSpec> databases,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Login roles for applications, each with least-privilege access to one database and a Secret of servicebinding.io keys. A stack's Postgres has one per service that uses it. A role removed from this list is kept.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<RoleSpec> roles,

        @Size(max = 64) @JsonPropertyDescription(PostgresServer.PARAMETERS)
        Map<String, String> parameters,

        @JsonPropertyDescription(PostgresServer.RESOURCES) ComputeResources resources,

        @JsonPropertyDescription(PostgresServer.BACKUP) BackupSpec backup,

        @JsonPropertyDescription(
                "What happens to the data volumes when this resource is deleted: Retain (default) keeps them, Delete removes them. A stack's Postgres has the stack's deletionPolicy.")
        DeletionPolicy deletionPolicy,

        @JsonPropertyDescription(
                "Prometheus scraping of the postgres_exporter that runs beside PostgreSQL. On by default.")
        ExporterMonitoring monitoring,

        @JsonPropertyDescription(
                "The login offered to servicebinding.io consumers in status.binding: a role of spec.roles. No binding when unset; never the superuser.")
        BindingSpec binding,

        @JsonPropertyDescription(PostgresServer.BOOTSTRAP) BootstrapSpec bootstrap,

        @JsonPropertyDescription(PostgresServer.TLS) TlsSpec tls)
        implements PostgresServer {

    public PostgresSpec {
        databases = databases == null ? List.of() : List.copyOf(databases);
        roles = roles == null ? List.of() : List.copyOf(roles);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A Postgres without a word about TLS: plain connections, as before spec.tls existed. */
    public PostgresSpec(
            String version,
            Integer instances,
            VolumeSpec storage,
            List<DatabaseSpec> databases,
            List<RoleSpec> roles,
            Map<String, String> parameters,
            ComputeResources resources,
            BackupSpec backup,
            DeletionPolicy deletionPolicy,
            ExporterMonitoring monitoring,
            BindingSpec binding,
            BootstrapSpec bootstrap) {
        this(
                version,
                instances,
                storage,
                databases,
                roles,
                parameters,
                resources,
                backup,
                deletionPolicy,
                monitoring,
                binding,
                bootstrap,
                null);
    }

    public ExporterMonitoring monitoringOrDefault() {
        return monitoring == null ? ExporterMonitoring.defaults() : monitoring;
    }
}
