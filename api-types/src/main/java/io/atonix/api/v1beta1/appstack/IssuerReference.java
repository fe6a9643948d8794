package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A cert-manager issuer, by kind and name: the issuerRef of the Certificate the operator writes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuerReference(
        @Required
        @Size(min = 1, max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        @JsonPropertyDescription(
                "Name of the Issuer (in the stack's namespace) or ClusterIssuer, for example letsencrypt-prod.")
        String name,

        @Default("Issuer")
        @JsonPropertyDescription(
                "Kind of the issuer: Issuer (default), in the stack's namespace, or ClusterIssuer, which the platform team provides for the whole cluster.")
        IssuerKind kind) {

    public IssuerKind kindOrDefault() {
        return kind == null ? IssuerKind.Issuer : kind;
    }
}
