package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One key of a Secret in the resource's namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SecretKey(
        @Required
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Name of the Secret, in the same namespace as the resource.")
        String secretName,

        @Required @Size(max = 253) @Pattern("^[-._a-zA-Z0-9]+$") @JsonPropertyDescription("The key within the Secret.")
        String key) {}
