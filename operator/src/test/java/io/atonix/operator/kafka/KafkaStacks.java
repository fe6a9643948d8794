package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaClusterRef;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.appstack.TestUses;
import java.util.List;
import java.util.Map;

/** Stacks with Kafka for tests: an api that produces orders and consumes payments, a worker that consumes orders. */
public final class KafkaStacks {

    private KafkaStacks() {}

    public static ServiceSpec service(String name, List<String> produce, List<String> consume) {
        return TestStacks.withUses(
                TestStacks.withReplicas(TestStacks.service(name, "acme/" + name + ":1", 8080), 1),
                TestUses.kafka("events", produce, consume));
    }

    public static AppStack shop(
            String namespace,
            String kafkaNamespace,
            DeletionPolicy policy,
            List<KafkaTopicSpec> topics,
            ServiceSpec... services) {
        KafkaSpec kafka = new KafkaSpec(new KafkaClusterRef("events", kafkaNamespace), topics);
        return TestStacks.stack(
                namespace, "shop", TestStacks.spec(List.of(services), null, null, kafka, null, null, policy));
    }

    public static AppStack shop(String namespace, String kafkaNamespace, DeletionPolicy policy) {
        return shop(
                namespace,
                kafkaNamespace,
                policy,
                List.of(
                        new KafkaTopicSpec("orders", 6, 3, Map.of("retention.ms", "604800000"), null),
                        new KafkaTopicSpec("payments", null, null, null, null)),
                service("api", List.of("orders"), List.of("payments")),
                service("worker", List.of(), List.of("orders")),
                TestStacks.withReplicas(TestStacks.service("web", "acme/web:1", 8080), 1));
    }
}
