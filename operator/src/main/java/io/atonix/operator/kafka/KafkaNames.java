package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Every name the operator derives for the Kafka part of a stack, in one place; the binding Secret's is {@code KafkaBinding}'s. */
public final class KafkaNames {
    /** Strimzi labels a user's Secret with the user's name, and a label value holds at most 63 characters. */
    static final int MAX_USER_NAME = 63;

    private static final int MAX_OBJECT_NAME = 253;
    private static final int HASH_LENGTH = 8;

    private KafkaNames() {}

    /**
     * The KafkaTopic's metadata.name for a topic: topic names may hold upper case and '_', object names may not. When
     * the name had to change, a short hash of the real name keeps two topics that differ only there apart; the real
     * name goes to spec.topicName.
     */
    public static String topicObject(String topic) {
        String safe = topic.toLowerCase(Locale.ROOT).replace('_', '-');
        safe = trimToAlphanumeric(safe);
        if (safe.equals(topic)) {
            return topic;
        }
        String suffix = "-" + hash(topic);
        if (safe.length() + suffix.length() > MAX_OBJECT_NAME) {
            safe = trimToAlphanumeric(safe.substring(0, MAX_OBJECT_NAME - suffix.length()));
        }
        return (safe.isEmpty() ? "topic" : safe) + suffix;
    }

    /**
     * The KafkaUser of one service, {@code <stack-namespace>-<stack>-<service>}: unique in a Kafka cluster that
     * serves stacks of many namespaces. Longer names are cut and get a hash of the whole, so they stay unique.
     */
    public static String user(String stackNamespace, String stack, String service) {
        String name = stackNamespace + "-" + stack + "-" + service;
        if (name.length() <= MAX_USER_NAME) {
            return name;
        }
        String suffix = "-" + hash(name);
        return trimToAlphanumeric(name.substring(0, MAX_USER_NAME - suffix.length())) + suffix;
    }

    /**
     * Where the stack's names start in a Kafka cluster shared by many namespaces, {@code <namespace>.<stack>.}: neither
     * a namespace nor a stack name holds a '.', so no other stack's names start the same way.
     */
    public static String scope(String stackNamespace, String stack) {
        return stackNamespace + "." + stack + ".";
    }

    /** The name in Kafka of a topic the stack declares: its own {@code topicName}, or the name inside the scope. */
    public static String topic(String stackNamespace, String stack, KafkaTopicSpec topic) {
        return topic.topicName() != null ? topic.topicName() : scope(stackNamespace, stack) + topic.name();
    }

    /** The consumer group a service may read as, {@code <namespace>.<stack>.<service>}: the only group it is granted. */
    public static String consumerGroup(String stackNamespace, String stack, String service) {
        return scope(stackNamespace, stack) + service;
    }

    private static String trimToAlphanumeric(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && !Character.isLetterOrDigit(name.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
