package io.atonix.api.v1alpha1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1alpha1.common.ComputeResources;
import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RedisSpec(
        @Required @Pattern("^[6-9](\\.[0-9]+){0,2}$")
        @JsonPropertyDescription("Redis version, the tag of the official redis image (for example \"7.2\"). ACL users need 6 or newer.")
        String version,
        @Required
        @JsonPropertyDescription("Memory Redis may use for data (maxmemory). The container's memory limit is set above it to leave room for Redis itself.")
        Quantity memory,
        @Default("AllKeysLRU")
        @JsonPropertyDescription("Which keys Redis evicts when it reaches its memory: NoEviction refuses writes instead.")
        EvictionPolicy evictionPolicy,
        @JsonPropertyDescription("Persistence of the data to a volume. Enabled by default.")
        RedisPersistence persistence,
        @JsonPropertyDescription("CPU and memory for the Redis container.")
        ComputeResources resources,
        @JsonPropertyDescription("What happens to the data volume when this resource is deleted: Retain (default) keeps it, Delete removes it. Inside an AppStack, defaults to the stack's deletionPolicy.")
        DeletionPolicy deletionPolicy) {
}
