package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One connection of a service to a data store of its stack, with a login of its own: a database of the stack's
 * PostgreSQL, keys of its Redis, topics of its Kafka, or a bucket of one of its object stores.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value =
                "[has(self.postgres), has(self.redis), has(self.kafka), has(self.objectStore)].filter(x, x).size() == 1",
        message = "a use connects to exactly one of postgres, redis, kafka and objectStore")
public record ServiceUse(
        @Required
        @Size(min = 1, max = MAX_NAME)
        @Pattern("^[a-z][a-z0-9]*$")
        @JsonPropertyDescription(
                "Name of the use, unique in the service: lower-case letters and digits, at most 15, no hyphen. The use's login is <service>-<name>, and its binding Secret is named after that login.")
        String name,

        @Size(min = 1, max = 32)
        @Pattern("^[A-Z][A-Z0-9_]*_$")
        @JsonPropertyDescription(
                "Prefix of the use's environment variables, ending in '_': ORDERS_ gives ORDERS_PGHOST and ORDERS_DATABASE_URL. Without it the variables have their plain names (PGHOST, REDIS_URL, KAFKA_BOOTSTRAP_SERVERS); two uses of one kind need different prefixes.")
        String envPrefix,

        @JsonPropertyDescription(
                "Connects the service to a database of the stack's PostgreSQL, with a login role of its own.")
        PostgresUse postgres,

        @JsonPropertyDescription("Connects the service to the stack's Redis, with an ACL user of its own.")
        RedisUse redis,

        @JsonPropertyDescription(
                "Connects the service to the stack's Kafka topics, as the service's KafkaUser; at most one use of a service names kafka.")
        KafkaUse kafka,

        @JsonPropertyDescription(
                "Connects the service to a bucket of spec.objectStores, with the store's access key copied into the use's binding Secret <stack>-objectstore-<service>-<use>-login.")
        ObjectStoreUse objectStore) {

    /**
     * A use name has no hyphen, so that the login {@code <service>-<use>} tells its service and use apart: service
     * {@code a-b} with use {@code c} and service {@code a} with use {@code b-c} cannot both exist.
     */
    public static final int MAX_NAME = 15;

    /** A use of a data store of the stack, from before object stores. */
    public ServiceUse(String name, String envPrefix, PostgresUse postgres, RedisUse redis, KafkaUse kafka) {
        this(name, envPrefix, postgres, redis, kafka, null);
    }

    public UseKind kind() {
        if (postgres != null) {
            return UseKind.Postgres;
        }
        if (redis != null) {
            return UseKind.Redis;
        }
        return objectStore != null ? UseKind.ObjectStore : UseKind.Kafka;
    }

    /** No prefix: the variables keep their plain names, as for the one use of a kind most services have. */
    public String envPrefixOrDefault() {
        return envPrefix == null ? "" : envPrefix;
    }
}
