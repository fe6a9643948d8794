package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The servicebinding.io Provisioned Service duck type: the Secret that holds the credentials. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Binding(
        @JsonPropertyDescription(
                "Name of the Secret, in the resource's namespace, that holds the connection details (servicebinding.io keys).")
        String name) {}
