package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.BootstrapSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.PostgresServer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/**
 * A stack's PostgreSQL server: only the server (PostgresServer's fields and rules). What a standalone Postgres
 * declares besides comes from the stack: a role per service that uses a database, the stack's deletion policy and
 * monitoring, and no binding (the services are bound by their uses).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StackPostgres(
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

        @Size(max = 64) @JsonPropertyDescription(PostgresServer.PARAMETERS)
        Map<String, String> parameters,

        @JsonPropertyDescription(PostgresServer.RESOURCES) ComputeResources resources,

        @JsonPropertyDescription(PostgresServer.BACKUP) BackupSpec backup,

        @JsonPropertyDescription(PostgresServer.BOOTSTRAP) BootstrapSpec bootstrap,

        @JsonPropertyDescription(PostgresServer.TLS) TlsSpec tls)
        implements PostgresServer {

    public StackPostgres {
        databases = databases == null ? List.of() : List.copyOf(databases);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A stack's Postgres without a word about TLS: plain connections, as before spec.postgres.tls existed. */
    public StackPostgres(
            String version,
            Integer instances,
            VolumeSpec storage,
            List<DatabaseSpec> databases,
            Map<String, String> parameters,
            ComputeResources resources,
            BackupSpec backup,
            BootstrapSpec bootstrap) {
        this(version, instances, storage, databases, parameters, resources, backup, bootstrap, null);
    }
}
