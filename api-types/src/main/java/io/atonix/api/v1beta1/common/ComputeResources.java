package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ComputeResources(
        @JsonPropertyDescription(
                "Resources the scheduler reserves for each container. Unset amounts take the operator's defaults.")
        ResourceAmounts requests,

        @JsonPropertyDescription(
                "Upper bounds for each container. An unset memory limit takes the operator's default; CPU is not limited unless set.")
        ResourceAmounts limits) {}
