package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;

/**
 * Topics the stack still declares whose name in Kafka the operator itself changed. The release that first served
 * atonix.io/v1beta1 named a topic without {@code topicName} by its name alone; names are now scoped to the stack
 * ({@link KafkaNames#scope}), so an upgrade retires the KafkaTopic of the old name. Its messages are the stack's and
 * nobody asked to delete them: such a topic is kept in Kafka, detached, whatever the deletion policy, which is about
 * deleting the stack.
 */
final class RenamedTopics {
    private RenamedTopics() {}

    /** The declared topic the retiring KafkaTopic held under its old name, while the stack is not being deleted. */
    static Optional<KafkaTopicSpec> renamed(AppStack stack, GenericKubernetesResource topic) {
        if (stack.getMetadata().getDeletionTimestamp() != null
                || stack.getSpec().kafka() == null) {
            return Optional.empty();
        }
        String kafkaName = topicName(topic);
        String namespace = stack.getMetadata().getNamespace();
        String name = stack.getMetadata().getName();
        return stack.getSpec().kafka().topics().stream()
                .filter(t -> t.topicName() == null && t.name().equals(kafkaName))
                .filter(t -> !KafkaNames.topic(namespace, name, t).equals(kafkaName))
                .findFirst();
    }

    /** What the operator says, once, when it detaches the old topic. */
    static String message(AppStack stack, KafkaTopicSpec declared, GenericKubernetesResource topic) {
        return "topic " + declared.name() + " is now "
                + KafkaNames.topic(
                        stack.getMetadata().getNamespace(), stack.getMetadata().getName(), declared)
                + " in Kafka (names are scoped to the stack); the topic " + topicName(topic)
                + " of an earlier release is kept in Kafka with its messages, detached from the stack (KafkaTopic "
                + StrimziWriter.where(topic) + " is removed): delete it in Kafka once its messages are consumed";
    }

    private static String topicName(GenericKubernetesResource topic) {
        Object spec = topic.getAdditionalProperties().get("spec");
        Object topicName = spec instanceof Map<?, ?> map ? map.get("topicName") : null;
        return topicName == null ? topic.getMetadata().getName() : topicName.toString();
    }
}
