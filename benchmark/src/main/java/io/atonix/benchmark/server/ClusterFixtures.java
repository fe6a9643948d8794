package io.atonix.benchmark.server;

import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.operator.kafka.PlayStrimzi;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What exists before a run starts, in every scenario alike: the namespaces of the stacks, and the Strimzi Kafka
 * cluster the stacks' topics belong to — an internal SCRAM-SHA-512 listener on TLS (what render assumes), reported
 * Ready with that listener's address as Strimzi's Cluster Operator would, played by the operator tests' helper.
 */
public final class ClusterFixtures {

    private ClusterFixtures() {}

    public static void prepare(KubernetesClient client, BenchStacks stacks, StrimziApiVersion strimziVersion) {
        for (String namespace : stacks.namespaces()) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        new PlayStrimzi(client, strimziVersion).kafka(BenchStacks.KAFKA_NAMESPACE, BenchStacks.KAFKA_CLUSTER);
    }
}
