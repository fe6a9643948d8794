package io.atonix.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the reconcile tests against the fabric8 mock API server share: the requests the server received, the
 * operator's reconcile count, the Events it recorded, and the part of the Deployment controller (which the mock does
 * not run) that makes a service available. Built in each test class from what Quarkus injects into it.
 */
public final class MockApiServer {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final KubernetesClient client;
    private final KubernetesServer server;
    private final MeterRegistry meters;

    public MockApiServer(KubernetesClient client, KubernetesServer server, MeterRegistry meters) {
        this.client = client;
        this.server = server;
        this.meters = meters;
    }

    /** Waits until half a second passes in which nobody writes to the server. */
    public void awaitNoWrites() {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> drainRequests().stream().allMatch(r -> "GET".equals(r.getMethod())));
    }

    /** The requests the server received since the last drain, oldest first. */
    public List<RecordedRequest> drainRequests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.getKubernetesMockServer().takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests;
    }

    /** The operator's successful reconciles so far, of every controller, from java-operator-sdk's metrics. */
    public double reconciliations() {
        assertThat(meters.find(MicrometerMetricsV2.RECONCILIATIONS_SUCCESS).counters())
                .as("reconcile counters among "
                        + meters.getMeters().stream()
                                .map(m -> m.getId().getName())
                                .distinct()
                                .toList())
                .isNotEmpty();
        return meters.find(MicrometerMetricsV2.RECONCILIATIONS_SUCCESS).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** The successful reconciles so far of one controller, by its name. */
    public double reconciliations(String controller) {
        return meters
                .find(MicrometerMetricsV2.RECONCILIATIONS_SUCCESS)
                .tag("controller.name", controller)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    public List<Event> events(String namespace) {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }

    /** Plays the Deployment controller: every wanted pod runs the current template and is available. */
    public void markAvailable(String namespace, String name) {
        Deployment deployment = deployment(namespace, name);
        int replicas = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(
                        deployment.getMetadata().getGeneration() == null
                                ? 1L
                                : deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                // A new time on every call; a call that moves nothing else is held back from the stack
                // (DeploymentUpdates).
                .addNewCondition()
                .withType("Available")
                .withStatus("True")
                .withReason("MinimumReplicasAvailable")
                .withLastUpdateTime(Instant.now().toString())
                .endCondition()
                .build());
        client.resource(deployment).updateStatus();
    }

    /** Plays the Deployment controller while pods start: every wanted pod runs the current template, some are ready. */
    public void markStarting(String namespace, String name, int ready) {
        Deployment deployment = deployment(namespace, name);
        int replicas = deployment.getSpec().getReplicas();
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .build());
        client.resource(deployment).updateStatus();
    }

    private Deployment deployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    /**
     * Reports the Deployment's rollout complete in its Progressing condition, as the Deployment controller does after
     * {@link #markAvailable}: a status move its stack reads ({@code DeploymentUpdates}), so it reconciles the stack,
     * whose status it leaves as it was.
     */
    public void markProgressed(String namespace, String name) {
        Deployment deployment = deployment(namespace, name);
        deployment.getStatus().getConditions().removeIf(c -> "Progressing".equals(c.getType()));
        deployment
                .getStatus()
                .getConditions()
                .add(new DeploymentConditionBuilder()
                        .withType("Progressing")
                        .withStatus("True")
                        .withReason("NewReplicaSetAvailable")
                        .withLastUpdateTime(Instant.now().toString())
                        .build());
        client.resource(deployment).updateStatus();
    }

    /**
     * Released by the operator: gone, or without finalizers. A real server then deletes the resource; the mock server
     * at times keeps a finalizer-free object with a deletion timestamp when the finalizer's removal races its
     * deletion.
     */
    public boolean released(Class<? extends HasMetadata> type, String namespace, String name) {
        HasMetadata resource =
                client.resources(type).inNamespace(namespace).withName(name).get();
        return resource == null
                || resource.getMetadata().getFinalizers() == null
                || resource.getMetadata().getFinalizers().isEmpty();
    }
}
