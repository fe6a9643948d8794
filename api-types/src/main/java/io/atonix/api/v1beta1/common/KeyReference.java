package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret or ConfigMap in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KeyReference(
        @Required
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Name of the Secret or ConfigMap, in the same namespace as the resource.")
        String name,

        @Required
        @Size(max = 253)
        @Pattern("^[-._a-zA-Z0-9]+$")
        @JsonPropertyDescription("Key within the Secret or ConfigMap.")
        String key,

        @JsonPropertyDescription(
                "When true, a missing Secret, ConfigMap or key is not an error and the variable is left unset. Defaults to false.")
        Boolean optional) {

    public boolean optionalOrDefault() {
        return Boolean.TRUE.equals(optional);
    }
}
