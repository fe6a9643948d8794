package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "[has(self.httpGet), has(self.tcpSocket), has(self.exec)].filter(x, x).size() == 1",
        message = "exactly one of httpGet, tcpSocket or exec must be set")
public record Probe(
        @JsonPropertyDescription("Checks with an HTTP GET request.")
        HttpGetAction httpGet,

        @JsonPropertyDescription("Checks that a TCP connection can be opened.")
        TcpSocketAction tcpSocket,

        @JsonPropertyDescription("Checks by running a command in the container.")
        ExecAction exec,

        @Min(0)
        @Max(3600)
        @JsonPropertyDescription("Seconds after the container starts before the first check. Defaults to 0.")
        Integer initialDelaySeconds,

        @Min(1) @Max(3600) @JsonPropertyDescription("Seconds between checks. Defaults to 10.")
        Integer periodSeconds,

        @Min(1) @Max(3600) @JsonPropertyDescription("Seconds after which a check counts as failed. Defaults to 1.")
        Integer timeoutSeconds,

        @Min(1)
        @Max(100)
        @JsonPropertyDescription("Consecutive failures after which the probe counts as failed. Defaults to 3.")
        Integer failureThreshold) {}
