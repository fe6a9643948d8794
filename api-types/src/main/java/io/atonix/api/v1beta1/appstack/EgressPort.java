package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A port, or a range of ports, a destination may be reached on: a NetworkPolicy port in short. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.endPort) || self.endPort >= self.port",
        message = EgressPort.RANGE,
        fieldPath = ".endPort")
public record EgressPort(
        @Required @Min(1) @Max(65535) @JsonPropertyDescription("The port, or the first of a range with endPort.")
        Integer port,

        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("The last port of the range that starts at port; a single port when unset.")
        Integer endPort,

        @Default("TCP") @JsonPropertyDescription("Protocol: TCP (default), UDP or SCTP.")
        ServicePort.Protocol protocol) {

    public static final String RANGE = "endPort must not be below port";

    public ServicePort.Protocol protocolOrDefault() {
        return protocol == null ? ServicePort.Protocol.TCP : protocol;
    }
}
