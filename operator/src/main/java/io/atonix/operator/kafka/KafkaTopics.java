package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.operator.common.DesiredHash;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One Strimzi KafkaTopic per topic the stack may have (its {@link KafkaTopicPlan}), next to the Kafka cluster. */
public final class KafkaTopics {

    private KafkaTopics() {}

    /** Strimzi's model of the topics; {@link StrimziObjects#atVersion} gives them the version the cluster serves. */
    public static List<KafkaTopic> desired(AppStack stack, KafkaTopicPlan plan) {
        List<KafkaTopic> topics = new ArrayList<>();
        for (KafkaTopicPlan.Planned topic : plan.allowed()) {
            topics.add(desired(stack, topic.spec(), topic.kafkaName()));
        }
        return topics;
    }

    static KafkaTopic desired(AppStack stack, KafkaTopicSpec topic, String kafkaName) {
        KafkaSpec kafka = stack.getSpec().kafka();
        Map<String, Object> config = topic.config().isEmpty() ? null : new TreeMap<String, Object>(topic.config());
        KafkaTopic object = new KafkaTopicBuilder()
                .withNewMetadata()
                .withName(KafkaNames.topicObject(kafkaName))
                .withNamespace(clusterNamespace(stack))
                .withLabels(KafkaLabels.topic(stack, kafka.clusterRef().name()))
                .endMetadata()
                .withNewSpec()
                .withTopicName(kafkaName)
                .withPartitions(topic.partitionsOrDefault())
                .withReplicas(topic.replicas())
                .withConfig(config)
                .endSpec()
                .build();
        return DesiredHash.stamp(object);
    }

    /** Where the Kafka cluster, and so the stack's topics and users, live. */
    public static String clusterNamespace(AppStack stack) {
        String namespace = stack.getSpec().kafka().clusterRef().namespace();
        return namespace == null || namespace.isEmpty() ? stack.getMetadata().getNamespace() : namespace;
    }
}
