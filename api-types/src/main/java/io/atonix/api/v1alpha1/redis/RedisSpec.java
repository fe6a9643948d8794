package io.atonix.api.v1alpha1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1alpha1.common.BindingSpec;
import io.atonix.api.v1alpha1.common.ComputeResources;
import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Rules on record components would be emitted twice (field and accessor), so they live here.
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
@ValidationRule(
        value = "quantity(string(self.memory)).compareTo(quantity('1Mi')) >= 0",
        message = "memory must be at least 1Mi",
        fieldPath = ".memory")
@ValidationRule(
        value = "int(self.version.split('.')[0]) >= int(oldSelf.version.split('.')[0])",
        message = "the Redis major version cannot go down",
        fieldPath = ".version")
@ValidationRule(
        value =
                "(has(self.persistence) && has(self.persistence.mode) ? self.persistence.mode != 'None' : true)"
                        + " == (has(oldSelf.persistence) && has(oldSelf.persistence.mode) ? oldSelf.persistence.mode != 'None' : true)",
        message = "persistence cannot be turned on or off after creation",
        fieldPath = ".persistence")
public record RedisSpec(
        @Required
        @Pattern("^[6-9](\\.[0-9]+){0,2}$")
        @JsonPropertyDescription(
                "Redis version, the tag of the official redis image (for example \"7.2\"). ACL users need 6 or newer; the major version cannot go down.")
        String version,

        @Required
        @JsonPropertyDescription(
                "Memory Redis may use for data (maxmemory), at least 1Mi. The container's memory limit is set above it to leave room for Redis itself.")
        Quantity memory,

        @Default("AllKeysLRU")
        @JsonPropertyDescription(
                "Which keys Redis evicts when it reaches its memory: NoEviction refuses writes instead.")
        EvictionPolicy evictionPolicy,

        @JsonPropertyDescription(
                "How Redis keeps its data: on a volume (mode AppendOnly, the default) or in memory only (mode None). Whether there is a volume cannot change after creation.")
        RedisPersistence persistence,

        @Size(max = 64)
        @JsonPropertyDescription(
                "ACL users for applications, each limited to the keys under its prefix, with a Secret of servicebinding.io keys. An AppStack fills this from its services' uses. A change of the users restarts Redis.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<RedisUserSpec> users,

        @JsonPropertyDescription(
                "CPU and memory for the Redis container. The memory limit must be above memory; by default it is 1.5 times memory, and so is the request.")
        ComputeResources resources,

        @JsonPropertyDescription(
                "What happens to the data volume when this resource is deleted: Retain (default) keeps it, Delete removes it. Inside an AppStack, defaults to the stack's deletionPolicy.")
        DeletionPolicy deletionPolicy,

        @JsonPropertyDescription(
                "The login offered to servicebinding.io consumers in status.binding: a user of spec.users. No binding when unset; never the administrator.")
        BindingSpec binding) {

    public RedisSpec {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A spec without a binding: the shape before spec.binding existed, which callers keep using. */
    public RedisSpec(
            String version,
            Quantity memory,
            EvictionPolicy evictionPolicy,
            RedisPersistence persistence,
            List<RedisUserSpec> users,
            ComputeResources resources,
            DeletionPolicy deletionPolicy) {
        this(version, memory, evictionPolicy, persistence, users, resources, deletionPolicy, null);
    }

    public EvictionPolicy evictionPolicyOrDefault() {
        return evictionPolicy == null ? EvictionPolicy.AllKeysLRU : evictionPolicy;
    }

    /** Whether Redis keeps its data on a volume: unless spec.persistence.mode is None. */
    public boolean persistent() {
        return persistence == null || persistence.mode() != RedisPersistenceMode.None;
    }
}
