package io.atonix.operator.kafka;

import java.util.List;

/**
 * How the stack's services reach the Kafka cluster: through one of its listeners.
 *
 * @param listener         the listener's name in the Kafka resource
 * @param authentication   what the listener requires, and so what each KafkaUser gets
 * @param encrypted        whether the listener speaks TLS
 * @param bootstrapServers from the Kafka resource's status; null until Strimzi reports the listener
 * @param caCertificates   the certificates clients must trust on an encrypted listener, from the same status
 */
public record KafkaAccess(
        String listener,
        KafkaAuthentication authentication,
        boolean encrypted,
        String bootstrapServers,
        List<String> caCertificates) {

    public KafkaAccess {
        caCertificates = caCertificates == null ? List.of() : List.copyOf(caCertificates);
    }

    /** Kafka's {@code security.protocol} for a client of this listener. */
    public String securityProtocol() {
        if (authentication == KafkaAuthentication.TLS) {
            return "SSL";
        }
        return encrypted ? "SASL_SSL" : "SASL_PLAINTEXT";
    }
}
