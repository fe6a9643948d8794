package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the topics a stack declares it may have, under which name in Kafka: a topic inside the stack's scope is its
 * own; one outside it only when the platform's allow-list shares it with the stack's namespace. Nothing else is ever
 * created for the stack or granted to its services.
 */
public record KafkaTopicPlan(String scope, List<Planned> topics) {

    public enum Access {
        OWN,
        SHARED,
        NOT_ALLOWED,
        TOO_LONG
    }

    /** Kafka's limit on a topic's name. */
    static final int MAX_TOPIC_NAME = 249;

    /** A declared topic, its name in Kafka, and whether the stack may have it. */
    public record Planned(KafkaTopicSpec spec, String kafkaName, Access access) {}

    public static KafkaTopicPlan of(AppStack stack, SharedTopics shared) {
        String namespace = stack.getMetadata().getNamespace();
        String name = stack.getMetadata().getName();
        String scope = KafkaNames.scope(namespace, name);
        List<Planned> topics = new ArrayList<>();
        if (stack.getSpec().kafka() != null) {
            for (KafkaTopicSpec topic : stack.getSpec().kafka().topics()) {
                String kafkaName = KafkaNames.topic(namespace, name, topic);
                Access access = kafkaName.length() > MAX_TOPIC_NAME
                        ? Access.TOO_LONG
                        : kafkaName.startsWith(scope)
                                ? Access.OWN
                                : shared.allows(kafkaName, namespace) ? Access.SHARED : Access.NOT_ALLOWED;
                topics.add(new Planned(topic, kafkaName, access));
            }
        }
        return new KafkaTopicPlan(scope, List.copyOf(topics));
    }

    /** The topics the stack may create or use. */
    public List<Planned> allowed() {
        return topics.stream()
                .filter(t -> t.access() == Access.OWN || t.access() == Access.SHARED)
                .toList();
    }

    /** The names in Kafka of the allowed topics that lie outside the stack's scope. */
    public Set<String> shared() {
        return Set.copyOf(topics.stream()
                .filter(t -> t.access() == Access.SHARED)
                .map(Planned::kafkaName)
                .toList());
    }

    /** A sentence for each declared topic the stack may not have. */
    public List<String> refusals(String stackNamespace) {
        return topics.stream()
                .filter(t -> t.access() == Access.NOT_ALLOWED || t.access() == Access.TOO_LONG)
                .map(t -> "topic " + t.spec().name() + ": " + refusal(t, stackNamespace)
                        + ": no KafkaTopic, and no service is granted it")
                .toList();
    }

    private String refusal(Planned topic, String stackNamespace) {
        if (topic.access() == Access.TOO_LONG) {
            return "its name in Kafka, " + scope + "…, would be "
                    + topic.kafkaName().length()
                    + " characters, over Kafka's " + MAX_TOPIC_NAME + " (shorten it by "
                    + (topic.kafkaName().length() - MAX_TOPIC_NAME) + ")";
        }
        return topic.kafkaName() + " lies outside this stack's names (" + scope
                + "*) and the operator's setting kafka.sharedTopics does not share it with namespace " + stackNamespace;
    }

    /** The stack's name of each topic its services may be granted, to its name in Kafka; {@code unusable} left out. */
    public Map<String, String> grants(Set<String> unusable) {
        Map<String, String> grants = new LinkedHashMap<>();
        for (Planned topic : allowed()) {
            if (!unusable.contains(topic.kafkaName())) {
                grants.put(topic.spec().name(), topic.kafkaName());
            }
        }
        return grants;
    }
}
