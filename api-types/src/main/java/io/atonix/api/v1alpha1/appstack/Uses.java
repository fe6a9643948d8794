package io.atonix.api.v1alpha1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Uses(
        @JsonPropertyDescription(
                "Connects the service to a database of the stack's PostgreSQL, with a login role of its own.")
        PostgresUse postgres,

        @JsonPropertyDescription("Connects the service to the stack's Redis, with an ACL user of its own.")
        RedisUse redis,

        @JsonPropertyDescription("Connects the service to the stack's Kafka topics, with a KafkaUser of its own.")
        KafkaUse kafka) {}
