package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Probes(
        @JsonPropertyDescription("Decides when a pod receives traffic. Defaults to a TCP check of the service's port.")
        Probe readiness,

        @JsonPropertyDescription(
                "Decides when a container is restarted. Not set by default: a wrong liveness probe restarts healthy pods.")
        Probe liveness,

        @JsonPropertyDescription("Holds back the other probes until the application has started, for slow starters.")
        Probe startup) {}
