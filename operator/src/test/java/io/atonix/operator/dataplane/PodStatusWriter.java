package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a pod's status as the kubelet does: phase, podIP, hostIP, the conditions and the containers' statuses. Writes
 * run on a thread of their own, the latest status winning, so that a container's thread never waits for the server.
 */
final class PodStatusWriter {
    private final KubernetesClient client;
    private final PodContext pod;
    private final AtomicReference<PodStatus> pending = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "status writer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    PodStatusWriter(KubernetesClient client, PodContext pod) {
        this.client = client;
        this.pod = pod;
    }

    void write(
            List<ContainerStatus> inits,
            List<ContainerStatus> containers,
            boolean initialized,
            boolean initFailed,
            boolean ready,
            Instant startTime) {
        pending.set(status(inits, containers, initialized, initFailed, ready, startTime));
        try {
            thread.execute(this::flush);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The pod is being stopped: its last statuses are no longer written.
        }
    }

    void close() {
        closed = true;
        thread.shutdown();
    }

    private void flush() {
        PodStatus status = pending.getAndSet(null);
        if (status == null || closed) {
            return;
        }
        try {
            client.pods().inNamespace(pod.namespace()).withName(pod.name()).editStatus(p -> {
                p.setStatus(status);
                return p;
            });
        } catch (RuntimeException e) {
            // The pod may be gone; a later change writes again.
            System.err.println("[data plane] status of " + pod.namespace() + "/" + pod.name() + ": " + e.getMessage());
        }
    }

    private PodStatus status(
            List<ContainerStatus> inits,
            List<ContainerStatus> containers,
            boolean initialized,
            boolean initFailed,
            boolean ready,
            Instant startTime) {
        String now = Instant.now().toString();
        return new PodStatusBuilder()
                .withPhase(initFailed ? "Failed" : initialized ? phase(containers) : "Pending")
                .withHostIP("127.0.0.1")
                .withHostIPs(new io.fabric8.kubernetes.api.model.HostIPBuilder()
                        .withIp("127.0.0.1")
                        .build())
                .withPodIP(pod.podIp())
                .withPodIPs(new PodIPBuilder().withIp(pod.podIp()).build())
                .withStartTime(startTime.toString())
                .withConditions(
                        condition("PodScheduled", true, now),
                        condition("Initialized", initialized, now),
                        condition("ContainersReady", ready, now),
                        condition("Ready", ready, now))
                .withInitContainerStatuses(inits)
                .withContainerStatuses(containers)
                .build();
    }

    /** Running, or for a pod that does not restart its containers, Succeeded or Failed once all have ended. */
    private String phase(List<ContainerStatus> containers) {
        String policy = pod.pod().getSpec().getRestartPolicy();
        boolean ended = containers.stream().allMatch(c -> c.getState().getTerminated() != null);
        if ("Always".equals(policy) || policy == null || !ended) {
            return "Running";
        }
        boolean succeeded =
                containers.stream().allMatch(c -> c.getState().getTerminated().getExitCode() == 0);
        return succeeded ? "Succeeded" : "Failed";
    }

    private static PodCondition condition(String type, boolean holds, String now) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(holds ? "True" : "False")
                .withLastTransitionTime(now)
                .build();
    }
}
