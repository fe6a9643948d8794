package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * Where a host's certificate comes from. The sources are one-of siblings: today a Secret the user provides; a
 * cert-manager issuer (issuerRef) joins beside it. Without a source the certificate is expected in the Secret the
 * stack owns for the host, for example written by a certificate manager that watches Ingresses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostTls(
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Secret of type kubernetes.io/tls, in the stack's namespace, holding the host's certificate. Defaults to <stack>-<host>-tls.")
        String secretName) {}
