package io.atonix.operator.tls;

import io.atonix.operator.common.SecretValues;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A data store's certificates, in PEM: the certificate authority the operator keeps for it (certificate and key) and
 * the server's certificate and key, which that authority signed. Stored together in the store's TLS Secret, whose
 * keys follow cert-manager's (tls.crt, tls.key, ca.crt) with the authority's key beside them, so that a new server
 * certificate can be signed without clients losing their trust.
 */
public record ServerCertificate(String caCertificate, String caKey, String certificate, String key) {
    public static final String SECRET_TYPE = "kubernetes.io/tls";
    public static final String TLS_CRT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    public static final String CA_CRT = "ca.crt";
    /** Never mounted into a pod: only the operator signs with it. */
    public static final String CA_KEY = "ca.key";

    /** The store's TLS Secret, {@code <store>-tls}, next to it. */
    public static String secretName(String store) {
        return store + "-tls";
    }

    /** The Secret's contents, in the order a person reads them. */
    public Map<String, String> data() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CA_CRT, caCertificate);
        data.put(TLS_CRT, certificate);
        data.put(TLS_KEY, key);
        data.put(CA_KEY, caKey);
        return data;
    }

    /** What a stored TLS Secret holds, or empty when a key is missing (a Secret written by hand, half-way). */
    public static Optional<ServerCertificate> of(Secret secret) {
        Optional<String> caCertificate = SecretValues.get(secret, CA_CRT);
        Optional<String> caKey = SecretValues.get(secret, CA_KEY);
        Optional<String> certificate = SecretValues.get(secret, TLS_CRT);
        Optional<String> key = SecretValues.get(secret, TLS_KEY);
        if (caCertificate.isEmpty() || caKey.isEmpty() || certificate.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerCertificate(caCertificate.get(), caKey.get(), certificate.get(), key.get()));
    }
}
