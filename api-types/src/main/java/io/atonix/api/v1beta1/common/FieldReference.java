package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldReference(
        @Required
        @Size(max = 128)
        @JsonPropertyDescription(
                "Path of a field of the pod, as the Kubernetes downward API takes it (for example metadata.name, status.podIP).")
        String fieldPath) {}
