package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TcpSocketAction(
        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("Container port to open a TCP connection to. Defaults to the service's port.")
        Integer port) {}
