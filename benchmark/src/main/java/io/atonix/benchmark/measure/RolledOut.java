package io.atonix.benchmark.measure;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits until every Deployment and StatefulSet has rolled out: its controller saw its generation and every replica is
 * updated and available. Until then a status the operator writes follows real progress, not the operator's own
 * restlessness, so the idle re-reconcile is measured on a cluster that stands still.
 */
final class RolledOut {
    private RolledOut() {}

    static void await(KubernetesClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long moving = client.apps().deployments().inAnyNamespace().list().getItems().stream()
                            .filter(d -> !rolledOut(d))
                            .count()
                    + client.apps().statefulSets().inAnyNamespace().list().getItems().stream()
                            .filter(s -> !rolledOut(s))
                            .count();
            if (moving == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(moving + " Deployments and StatefulSets had not rolled out after "
                        + timeout.toMinutes() + " minutes");
            }
            Thread.sleep(1_000);
        }
    }

    private static boolean rolledOut(Deployment d) {
        var status = d.getStatus();
        int wanted = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
        return status != null
                && Objects.equals(
                        status.getObservedGeneration(), d.getMetadata().getGeneration())
                && Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) == wanted
                && Objects.requireNonNullElse(status.getAvailableReplicas(), 0) == wanted
                && Objects.requireNonNullElse(status.getReplicas(), 0) == wanted;
    }

    private static boolean rolledOut(StatefulSet s) {
        var status = s.getStatus();
        int wanted = Objects.requireNonNullElse(s.getSpec().getReplicas(), 1);
        return status != null
                && Objects.equals(
                        status.getObservedGeneration(), s.getMetadata().getGeneration())
                && Objects.requireNonNullElse(status.getReadyReplicas(), 0) == wanted
                && Objects.equals(status.getCurrentRevision(), status.getUpdateRevision());
    }
}
