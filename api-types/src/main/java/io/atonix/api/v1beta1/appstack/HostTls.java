package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where a host's certificate comes from. The sources are one-of siblings: a Secret the user provides (secretName), or
 * a cert-manager issuer (issuerRef) that issues it into the Secret the stack owns for the host. Without a source the
 * certificate is expected in that Secret, for example written by a certificate manager that watches Ingresses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(has(self.secretName) && has(self.issuerRef))",
        message =
                "secretName and issuerRef are alternatives: the certificate is either in a Secret you provide or issued by cert-manager into the Secret the stack owns for the host")
public record HostTls(
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Secret of type kubernetes.io/tls, in the stack's namespace, holding the host's certificate. Defaults to <stack>-<host>-tls. Not allowed together with issuerRef.")
        String secretName,

        @JsonPropertyDescription(
                "A cert-manager Issuer or ClusterIssuer that issues the host's certificate: the operator writes a cert-manager Certificate <stack>-<host> for the host into the Secret <stack>-<host>-tls, and the stack is not ready until cert-manager reports the Certificate ready. Not allowed together with secretName.")
        IssuerReference issuerRef) {

    /** A certificate in a Secret the user provides or the stack owns, issued by no one the operator asks. */
    public HostTls(String secretName) {
        this(secretName, null);
    }

    /** Whether the operator asks cert-manager for the host's certificate. */
    public boolean fromIssuer() {
        return issuerRef != null;
    }
}
