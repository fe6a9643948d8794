package io.atonix.operator.kafka;

/** How a service's KafkaUser authenticates: as the chosen listener of the Kafka cluster requires. */
public enum KafkaAuthentication {
    SCRAM_SHA_512("scram-sha-512"),
    TLS("tls");

    private final String type;

    KafkaAuthentication(String type) {
        this.type = type;
    }

    /** The value of Strimzi's {@code authentication.type}, on a listener and on a KafkaUser alike. */
    public String type() {
        return type;
    }

    public static KafkaAuthentication parse(String text) {
        for (KafkaAuthentication candidate : values()) {
            if (candidate.type.equals(text)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "unknown Kafka authentication '" + text + "'; expected scram-sha-512 or tls");
    }
}
