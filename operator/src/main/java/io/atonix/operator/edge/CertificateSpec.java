package io.atonix.operator.edge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The fields of a Certificate's spec the operator sets; cert-manager's defaults fill the rest.
 *
 * @param secretName the Secret cert-manager writes the key and certificate to
 * @param dnsNames the names the certificate is for
 * @param issuerRef the issuer that signs it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateSpec(String secretName, List<String> dnsNames, IssuerRef issuerRef) {

    /** An Issuer or ClusterIssuer of cert-manager.io, by name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuerRef(String name, String kind, String group) {}
}
