package io.atonix.benchmark.server;

import java.util.List;
import java.util.Map;

import io.atonix.benchmark.stacks.BenchStacks;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What exists before a run starts, in every scenario alike: the namespaces of the stacks, and the Strimzi Kafka
 * cluster the stacks' topics belong to, reported Ready as Strimzi would.
 */
public final class ClusterFixtures {

    private ClusterFixtures() {
    }

    public static void prepare(KubernetesClient client, BenchStacks stacks, String strimziVersion) {
        for (String namespace : stacks.namespaces()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        GenericKubernetesResource kafka = new GenericKubernetesResourceBuilder()
                .withApiVersion(CrdInstaller.STRIMZI_GROUP + "/" + strimziVersion)
                .withKind("Kafka")
                .withNewMetadata().withName(BenchStacks.KAFKA_CLUSTER).withNamespace(BenchStacks.KAFKA_NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", Map.of("kafka", Map.of(
                        "version", "4.1.0",
                        "listeners", List.of(Map.of("name", "plain", "port", 9092, "type", "internal", "tls", false)))))
                .build();
        var kafkas = client.genericKubernetesResources(kafka.getApiVersion(), "Kafka").inNamespace(BenchStacks.KAFKA_NAMESPACE);
        GenericKubernetesResource created = kafkas.resource(kafka).create();
        created.setAdditionalProperty("status", Map.of(
                "conditions", List.of(Map.of("type", "Ready", "status", "True")),
                "listeners", List.of(Map.of("name", "plain", "bootstrapServers",
                        BenchStacks.KAFKA_CLUSTER + "-kafka-bootstrap." + BenchStacks.KAFKA_NAMESPACE + ".svc:9092")),
                "observedGeneration", created.getMetadata().getGeneration() == null ? 1 : created.getMetadata().getGeneration()));
        kafkas.resource(created).updateStatus();
    }
}
