package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.redis.EvictionPolicy;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.api.v1beta1.redis.RedisServer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * A stack's Redis server: only the server (RedisServer's fields and rules). What a standalone Redis declares besides
 * comes from the stack: a user per service that uses Redis, the stack's deletion policy and monitoring, and no
 * binding (the services are bound by their uses).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StackRedis(
        @Required @Pattern(RedisServer.VERSION_PATTERN) @JsonPropertyDescription(RedisServer.VERSION)
        String version,

        @Required @JsonPropertyDescription(RedisServer.MEMORY)
        Quantity memory,

        @Default("AllKeysLRU") @JsonPropertyDescription(RedisServer.EVICTION_POLICY)
        EvictionPolicy evictionPolicy,

        @JsonPropertyDescription(RedisServer.PERSISTENCE) RedisPersistence persistence,

        @JsonPropertyDescription(RedisServer.RESOURCES) ComputeResources resources,

        @JsonPropertyDescription(RedisServer.TLS) TlsSpec tls)
        implements RedisServer {

    /** A stack's Redis without a word about TLS: plain connections, as before spec.redis.tls existed. */
    public StackRedis(
            String version,
            Quantity memory,
            EvictionPolicy evictionPolicy,
            RedisPersistence persistence,
            ComputeResources resources) {
        this(version, memory, evictionPolicy, persistence, resources, null);
    }
}
