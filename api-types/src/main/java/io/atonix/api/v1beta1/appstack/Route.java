package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A host and path whose HTTP requests reach the service's port: the Gateway API's HTTPRoute rule, in short. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(
        @Required
        @Size(min = 1, max = HostSpec.MAX_LENGTH)
        @JsonPropertyDescription("One of spec.hosts, by name; its TLS decides the scheme.")
        String host,

        @Required
        @Size(min = 1, max = 256)
        @Pattern("^/[^\\s;{}]*$")
        @JsonPropertyDescription("Path under the host that is routed to the service, for example / or /api.")
        String path,

        @Default("Prefix")
        @JsonPropertyDescription("How the path matches: Prefix (the path and everything below it) or Exact.")
        PathType pathType) {

    public PathType pathTypeOrDefault() {
        return pathType == null ? PathType.Prefix : pathType;
    }
}
