package io.atonix.api.v1alpha1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.tlsSecretName) || (has(self.tls) && self.tls)",
        message = "tlsSecretName requires tls: true")
public record Expose(
        @Required
        @Size(max = 253)
        @Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        @JsonPropertyDescription("Host name the service is reachable at, for example shop.example.com.")
        String host,

        @Default("\"/\"")
        @Size(max = 1024)
        @Pattern("^/[^\\s;{}]*$")
        @JsonPropertyDescription("Path under the host that is routed to the service.")
        String path,

        @Default("Prefix")
        @JsonPropertyDescription("How the path matches: Prefix (the path and everything below it) or Exact.")
        PathType pathType,

        @Default("false")
        @JsonPropertyDescription(
                "Serve HTTPS for the host. The certificate comes from tlsSecretName, or from a certificate manager that watches Ingress objects.")
        Boolean tls,

        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Secret of type kubernetes.io/tls holding the certificate. Defaults to <stack>-<service>-tls.")
        String tlsSecretName,

        @Size(max = 253)
        @JsonPropertyDescription(
                "IngressClass that serves this service. Defaults to the class the operator is configured with.")
        String ingressClassName,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Annotations for the Ingress, for controller-specific settings (for example cert-manager's issuer).")
        Map<String, String> annotations) {

    public Expose {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public String pathOrDefault() {
        return path == null ? "/" : path;
    }

    public PathType pathTypeOrDefault() {
        return pathType == null ? PathType.Prefix : pathType;
    }

    public boolean tlsEnabled() {
        return Boolean.TRUE.equals(tls);
    }
}
