package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServicePort(
        @Required
        @Size(min = 1, max = 15)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the port (an IANA service name: at most 15 lower-case letters, digits and dashes). \"http\" and \"metrics\" are taken by the operator.")
        String name,

        @Required
        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("Port the container listens on; the Service exposes it under the same number.")
        Integer port,

        @Default("TCP") @JsonPropertyDescription("Protocol of the port.")
        Protocol protocol) {

    public enum Protocol {
        TCP,
        UDP,
        SCTP
    }

    public Protocol protocolOrDefault() {
        return protocol == null ? Protocol.TCP : protocol;
    }
}
