package io.atonix.benchmark.server;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A kwok node with room for every pod of 1,000 stacks and more. The test tier's own node takes 400 pods of 32 cores;
 * the stacks' pods left Pending there keep their Deployments' status moving for the whole run, which is not the
 * steady state the benchmark wants to measure (every pod Running and Ready, as kwok plays them).
 */
final class RoomyNode {
    static final String NAME = "kwok-benchmark-0";
    private static final Map<String, Quantity> ROOM =
            Map.of("cpu", new Quantity("100000"), "memory", new Quantity("1000Ti"), "pods", new Quantity("100000"));

    private RoomyNode() {}

    static void add(KubernetesClient admin) throws InterruptedException {
        admin.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(NAME)
                        .addToAnnotations("kwok.x-k8s.io/node", "fake")
                        // The label kwok manages nodes by, in the test tier's control plane.
                        .addToLabels("type", "kwok")
                        .addToLabels("kubernetes.io/hostname", NAME)
                        .addToLabels("kubernetes.io/os", "linux")
                        .addToLabels("kubernetes.io/arch", "amd64")
                        .endMetadata()
                        .withNewStatus()
                        .withAllocatable(ROOM)
                        .withCapacity(ROOM)
                        .endStatus()
                        .build())
                .create();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!ready(admin)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("kwok did not make node " + NAME + " Ready within 2 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static boolean ready(KubernetesClient admin) {
        var node = admin.nodes().withName(NAME).get();
        return node.getStatus() != null
                && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
