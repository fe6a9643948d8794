package io.atonix.api.v1beta1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.BindingSpec;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.ExporterMonitoring;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/**
 * A standalone Redis server: the server (RedisServer), and what its author owns besides — the users, the deletion
 * policy, the exporter's monitoring and the binding. A stack's Redis gets these from the stack.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Rules on record components would be emitted twice (field and accessor), so they live here; the rules of the
// server's fields are RedisServer's.
@ValidationRule(
        value = "!has(self.binding) || (has(self.users) && self.users.exists(u, u.name == self.binding.login))",
        message = "the binding's login must be a user of spec.users",
        fieldPath = ".binding.login")
@ValidationRule(
        value = "!has(self.users) || self.users.all(a, self.users.exists_one(b, b.name == a.name))",
        message = "user names must be unique",
        fieldPath = ".users")
@ValidationRule(
        value = "!has(self.users) || self.users.all(u, u.name != 'default')",
        message = "'default' is Redis' built-in user, which the operator turns off",
        fieldPath = ".users")
public record RedisSpec(
        @Required @Pattern(RedisServer.VERSION_PATTERN) @JsonPropertyDescription(RedisServer.VERSION)
        String version,

        @Required @JsonPropertyDescription(RedisServer.MEMORY)
        Quantity memory,

        @Default("AllKeysLRU") @JsonPropertyDescription(RedisServer.EVICTION_POLICY)
        EvictionPolicy evictionPolicy,

        @JsonPropertyDescription(RedisServer.PERSISTENCE) RedisPersistence persistence,

        @Size(max = 64)
        @JsonPropertyDescription(
                "ACL users for applications, each limited to the keys under its prefix, with a Secret of servicebinding.io keys. A stack's Redis has one per service that uses it. A change of the users restarts Redis.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<RedisUserSpec> users,

        @JsonPropertyDescription(RedisServer.RESOURCES) ComputeResources resources,

        @JsonPropertyDescription(
                "What happens to the data volume when this resource is deleted: Retain (default) keeps it, Delete removes it. A stack's Redis has the stack's deletionPolicy.")
        DeletionPolicy deletionPolicy,

        @JsonPropertyDescription("Prometheus scraping of the redis_exporter that runs beside Redis. On by default.")
        ExporterMonitoring monitoring,

        @JsonPropertyDescription(
                "The login offered to servicebinding.io consumers in status.binding: a user of spec.users. No binding when unset; never the administrator.")
        BindingSpec binding,

        @JsonPropertyDescription(RedisServer.TLS) TlsSpec tls)
        implements RedisServer {

    public RedisSpec {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A Redis without a word about TLS: plain connections, as before spec.tls existed. */
    public RedisSpec(
            String version,
            Quantity memory,
            EvictionPolicy evictionPolicy,
            RedisPersistence persistence,
            List<RedisUserSpec> users,
            ComputeResources resources,
            DeletionPolicy deletionPolicy,
            ExporterMonitoring monitoring,
            BindingSpec binding) {
        this(version, memory, evictionPolicy, persistence, users, resources, deletionPolicy, monitoring, binding, null);
    }

    public ExporterMonitoring monitoringOrDefault() {
        return monitoring == null ? ExporterMonitoring.defaults() : monitoring;
    }
}
