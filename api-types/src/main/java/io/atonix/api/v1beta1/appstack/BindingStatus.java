package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where the credentials of one use of a service are: the binding Secret its environment variables read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BindingStatus(
        @Required @JsonPropertyDescription("Name of the use, as in spec.services[].uses[].name.")
        String use,

        @Required @JsonPropertyDescription("What the use connects to: Postgres, Redis, Kafka or ObjectStore.")
        UseKind kind,

        @Required
        @JsonPropertyDescription(
                "The binding Secret in the stack's namespace (servicebinding.io keys) that holds the use's connection details and credentials.")
        String secretName) {}
