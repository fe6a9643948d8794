package io.atonix.api.v1beta1.redis;

import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The Redis server that a standalone Redis and an AppStack's spec.redis both declare: its fields, their descriptions
 * and its rules, written once. The CRD build (SchemaAdditions) adds these CEL rules to the schema of every record
 * implementing this interface, since fabric8's generator reads rules of classes, not of interfaces; render and the
 * reconcilers evaluate them from the CRDs.
 */
@ValidationRule(
        value = "quantity(string(self.memory)).compareTo(quantity('1Mi')) >= 0",
        message = "memory must be at least 1Mi",
        fieldPath = ".memory")
@ValidationRule(
        value = "!has(self.resources) || !has(self.resources.limits) || !has(self.resources.limits.memory)"
                + " || quantity(string(self.resources.limits.memory)).compareTo(quantity(string(self.memory))) > 0",
        message = "the memory limit must be above memory, or Redis is killed before it starts evicting",
        fieldPath = ".resources.limits.memory")
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
public interface RedisServer {
    String VERSION_PATTERN = "^[6-9](\\.[0-9]+){0,2}$";
    String VERSION =
            "Redis version, the tag of the official redis image (for example \"7.2\"). ACL users need 6 or newer; the major version cannot go down.";
    String MEMORY =
            "Memory Redis may use for data (maxmemory), at least 1Mi. The container's memory limit is set above it to leave room for Redis itself.";
    String EVICTION_POLICY = "Which keys Redis evicts when it reaches its memory: NoEviction refuses writes instead.";
    String PERSISTENCE =
            "How Redis keeps its data: on a volume (mode AppendOnly, the default, on a volume of 1Gi unless storage says otherwise) or in memory only (mode None). Whether there is a volume cannot change after creation.";
    String RESOURCES =
            "CPU and memory for the Redis container. The memory limit must be above memory; by default it is 1.5 times memory, and so is the request.";

    String TLS =
            "TLS between Redis and its clients: mode Required refuses plain connections; Disabled (default) keeps them.";

    String version();

    Quantity memory();

    EvictionPolicy evictionPolicy();

    RedisPersistence persistence();

    ComputeResources resources();

    TlsSpec tls();

    /** Whether Redis accepts TLS connections only (spec.tls.mode Required). */
    default boolean tlsRequired() {
        return tls() != null && tls().required();
    }

    default EvictionPolicy evictionPolicyOrDefault() {
        return evictionPolicy() == null ? EvictionPolicy.AllKeysLRU : evictionPolicy();
    }

    /** Whether Redis keeps its data on a volume: unless spec.persistence.mode is None. */
    default boolean persistent() {
        return persistence() == null || persistence().mode() != RedisPersistenceMode.None;
    }
}
