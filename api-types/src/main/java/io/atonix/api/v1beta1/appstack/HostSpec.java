package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A host name the stack serves, with its TLS: one setting per host, so every URL under it has one scheme and one
 * certificate (the Gateway API's listener; the services' routes are its HTTPRoutes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.name.matches('" + HostSpec.LABELS + "') && !self.name.matches('" + HostSpec.ADDRESS + "')",
        message =
                "a host name is DNS labels of at most 63 characters each, and not an IP address (an Ingress or HTTPRoute refuses both)",
        fieldPath = ".name")
public record HostSpec(
        @Required
        @Size(min = 1, max = MAX_LENGTH)
        @Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        @JsonPropertyDescription(
                "Host name, for example shop.example.com or *.example.com; at most 200 characters, so that the default TLS Secret <stack>-<host>-tls is a valid name.")
        String name,

        @JsonPropertyDescription(
                "Serve the host over HTTPS; absent: plain HTTP. The certificate is in tls.secretName, or in the Secret <stack>-<host>-tls (with * written as wildcard) that the stack owns, where cert-manager issues it when tls.issuerRef names an issuer.")
        HostTls tls) {

    /** Leaves room in a Secret name of 253 for the stack (30), the wildcard's spelling and the -tls suffix. */
    public static final int MAX_LENGTH = 200;

    /** Labels of 1 to 63 characters, the first one possibly a wildcard; written without backslashes for CEL. */
    public static final String LABELS =
            "^([*][.])?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?([.][a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$";

    /** What an IPv4 address looks like; the schema's pattern already refuses IPv6 (no ':'). */
    public static final String ADDRESS = "^[0-9.]+$";

    public boolean https() {
        return tls != null;
    }
}
