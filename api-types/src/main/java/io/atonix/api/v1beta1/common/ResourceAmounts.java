package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceAmounts(
        @JsonPropertyDescription("CPU, as a Kubernetes quantity (for example 250m or 1).")
        Quantity cpu,

        @JsonPropertyDescription("Memory, as a Kubernetes quantity (for example 256Mi).")
        Quantity memory) {}
