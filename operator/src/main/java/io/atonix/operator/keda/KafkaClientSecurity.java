package io.atonix.operator.keda;

import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How KEDA's Kafka scaler must talk to the listener the service's binding was made for: over TLS or not, with a
 * SCRAM-SHA-512 password or a client certificate, and whether the binding carries the cluster's CA. KEDA wants these
 * as its own words (tls: enable, sasl: scram_sha512) in the trigger, which no key of the binding Secret spells.
 *
 * @param tls whether the listener speaks TLS
 * @param scram whether the user signs in with SCRAM-SHA-512; otherwise with its client certificate
 * @param ca whether the binding Secret holds the cluster's CA certificates (ca.crt)
 */
public record KafkaClientSecurity(boolean tls, boolean scram, boolean ca) {

    /** What the binding Secret says: its security-protocol (SASL_SSL, SASL_PLAINTEXT or SSL) and its keys. */
    public static KafkaClientSecurity of(Secret binding) {
        Map<String, String> data = binding.getData() == null ? Map.of() : binding.getData();
        String protocol = decoded(data.get(KafkaBinding.SECURITY_PROTOCOL));
        return new KafkaClientSecurity(
                protocol.endsWith("SSL"), protocol.startsWith("SASL"), data.containsKey(KafkaBinding.CA_CRT));
    }

    /**
     * Before the binding Secret exists (and in render, which has no cluster): the listener the operator prefers, an
     * encrypted one with the cluster's CA, for the authentication given.
     */
    public static KafkaClientSecurity assumed(KafkaAuthentication authentication) {
        return new KafkaClientSecurity(true, authentication == KafkaAuthentication.SCRAM_SHA_512, true);
    }

    private static String decoded(String value) {
        return value == null ? "" : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
