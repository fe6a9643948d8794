package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * TLS between a data store and its clients. The certificates come from a certificate authority the operator keeps
 * for the resource; a cert-manager issuer can later join here as another source, beside the mode.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TlsSpec(
        @Default("Disabled")
        @JsonPropertyDescription(
                "Disabled (default): plain connections. Required: the server accepts TLS connections only, with a certificate for its Service's DNS names from a certificate authority the operator generates once for this resource (Secret <name>-tls); the bindings carry the authority's certificate (ca.crt) and ask clients to verify the server (sslmode=verify-full, rediss://). Changing the mode restarts the server.")
        TlsMode mode) {

    public static TlsSpec disabled() {
        return new TlsSpec(TlsMode.Disabled);
    }

    /** Whether the server refuses plain connections. */
    public boolean required() {
        return mode == TlsMode.Required;
    }
}
