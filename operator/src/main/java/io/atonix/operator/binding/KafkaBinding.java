package io.atonix.operator.binding;

import java.util.List;
import java.util.Map;

/**
 * The binding of a service to a Kafka cluster, type {@code servicebinding.io/kafka}: {@link ServiceBinding#USERNAME}
 * and these keys, and the credentials copied from the Secret Strimzi writes for the service's KafkaUser.
 */
public final class KafkaBinding {
    public static final String SECRET_TYPE = "servicebinding.io/kafka";
    /** The value of {@link ServiceBinding#TYPE}. */
    public static final String TYPE = "kafka";
    /** The value of {@link ServiceBinding#PROVIDER}: Strimzi made the user, the operator only copies its credentials. */
    public static final String STRIMZI = "strimzi";

    public static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
    public static final String SECURITY_PROTOCOL = "security-protocol";
    /** Only with SCRAM-SHA-512 authentication, like {@link ServiceBinding#PASSWORD} and {@link #SASL_JAAS_CONFIG}. */
    public static final String SASL_MECHANISM = "sasl-mechanism";

    public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
    /** The cluster's CA certificates, on an encrypted listener. */
    public static final String CA_CRT = "ca.crt";
    /** Keys of Strimzi's Secret of a SCRAM-SHA-512 user, copied as they are. */
    public static final List<String> SCRAM_KEYS = List.of(ServiceBinding.PASSWORD, SASL_JAAS_CONFIG);
    /** Keys of Strimzi's Secret of a TLS user, copied as they are. */
    public static final List<String> TLS_KEYS = List.of("user.crt", "user.key", "user.p12", "user.password");

    /** What a service's pods read, by environment variable: the keys every Kafka binding has. */
    public static final Map<String, String> ENV = ServiceBinding.ordered(
            "KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP_SERVERS,
            "KAFKA_SECURITY_PROTOCOL", SECURITY_PROTOCOL,
            "KAFKA_USERNAME", ServiceBinding.USERNAME);
    /**
     * The variables of keys only some bindings have: only a SCRAM listener gives a password; with TLS authentication
     * the client certificate is in the Secret.
     */
    public static final Map<String, String> OPTIONAL_ENV = ServiceBinding.ordered(
            "KAFKA_SASL_MECHANISM", SASL_MECHANISM,
            "KAFKA_PASSWORD", ServiceBinding.PASSWORD,
            "KAFKA_SASL_JAAS_CONFIG", SASL_JAAS_CONFIG);

    /** The consumer group the service may read as, when it consumes: the only one it is granted. */
    public static final String CONSUMER_GROUP = "consumer-group";
    /** Before a topic's name in the stack: the key whose value is the topic's name in Kafka. */
    public static final String TOPIC_KEY_PREFIX = "topic.";

    public static final String CONSUMER_GROUP_ENV = "KAFKA_CONSUMER_GROUP";
    /** Before a topic's name in the stack, in upper case with '_' for '.' and '-': the topic's name in Kafka. */
    public static final String TOPIC_ENV_PREFIX = "KAFKA_TOPIC_";

    private KafkaBinding() {}

    /** The variable that holds the name in Kafka of a topic the service uses: orders.v1 gives KAFKA_TOPIC_ORDERS_V1. */
    public static String topicVariable(String topic) {
        return TOPIC_ENV_PREFIX + topic.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The binding Secret of a login to the stack's Kafka, {@code <stack>-kafka-<login>-login} in the stack's namespace:
     * the scheme of the Postgres and Redis logins, {@code <store>-<login>-login}, with {@code <stack>-kafka} as the
     * store.
     */
    public static String secretName(String stack, String login) {
        return stack + "-kafka-" + login + "-login";
    }
}
