package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.appstack.KafkaUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's Kafka client must be told, since the names in Kafka are scoped to the stack: the name in Kafka of
 * each topic it uses, and its consumer group. They are no secret: the pod gets them as plain variables, and the binding
 * Secret carries them for clients that read servicebinding.io files.
 */
public final class KafkaClientNames {

    private KafkaClientNames() {}

    /** The stack's name of each topic the use names, to its name in Kafka, in the order of produce then consume. */
    public static Map<String, String> topics(AppStack stack, KafkaUse use) {
        Set<String> used = new LinkedHashSet<>(use.produce());
        used.addAll(use.consume());
        Map<String, String> names = new LinkedHashMap<>();
        if (stack.getSpec().kafka() == null) {
            return names;
        }
        for (String topic : used) {
            for (KafkaTopicSpec declared : stack.getSpec().kafka().topics()) {
                if (declared.name().equals(topic)) {
                    names.put(
                            topic,
                            KafkaNames.topic(
                                    stack.getMetadata().getNamespace(),
                                    stack.getMetadata().getName(),
                                    declared));
                }
            }
        }
        return names;
    }

    /** The consumer group of a service that consumes; null for one that only produces. */
    public static String consumerGroup(AppStack stack, ServiceSpec service, KafkaUse use) {
        return use.consume().isEmpty()
                ? null
                : KafkaNames.consumerGroup(
                        stack.getMetadata().getNamespace(), stack.getMetadata().getName(), service.name());
    }

    /** The plain variables of the use, under its envPrefix: KAFKA_CONSUMER_GROUP and a KAFKA_TOPIC_ one per topic. */
    public static List<EnvVar> env(AppStack stack, ServiceSpec service, KafkaUse use, String prefix) {
        List<EnvVar> env = new ArrayList<>();
        String group = consumerGroup(stack, service, use);
        if (group != null) {
            env.add(new EnvVar(prefix + KafkaBinding.CONSUMER_GROUP_ENV, group, null));
        }
        topics(stack, use)
                .forEach((topic, kafkaName) ->
                        env.add(new EnvVar(prefix + KafkaBinding.topicVariable(topic), kafkaName, null)));
        return env;
    }
}
