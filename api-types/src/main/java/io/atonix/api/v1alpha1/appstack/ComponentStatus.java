package io.atonix.api.v1alpha1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentStatus(
        @Required @JsonPropertyDescription("Part of the stack: Postgres, Redis, Kafka, Monitoring or NetworkPolicy.")
        String component,

        @JsonPropertyDescription("Name of the object that implements it, when there is one.")
        String name,

        @JsonPropertyDescription("True when the part is available.")
        Boolean ready,

        @JsonPropertyDescription("A one-word reason for the state.")
        String reason,

        @JsonPropertyDescription("What a person needs to know, when the part is not ready.")
        String message) {}
