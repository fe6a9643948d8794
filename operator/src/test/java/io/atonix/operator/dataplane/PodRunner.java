package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pod on the agent's node: its volumes materialised, its init containers run one after the other to completion,
 * then each container of a known image run as a process ({@link ContainerRunner}), each other container simulated
 * (running and ready at once, as kwok would; an unknown init container counts as completed), and its status written
 * whenever a container's state changes.
 */
final class PodRunner {
    private final PodContext context;
    private final Map<String, ContainerRunner> inits = new LinkedHashMap<>();
    private final Map<String, ContainerRunner> processes = new LinkedHashMap<>();
    private final Map<String, ContainerState> simulated = new LinkedHashMap<>();
    private final PodStatusWriter writer;
    private final Instant startTime = Instant.now();
    private final List<String> kinds = new ArrayList<>();
    private volatile boolean initialized;
    private volatile boolean initFailed;
    private volatile boolean stopping;

    private PodRunner(PodContext context, PodStatusWriter writer) {
        this.context = context;
        this.writer = writer;
    }

    static PodRunner start(PodContext context, NodeServices node) throws Exception {
        Pod pod = context.pod();
        PodRunner runner = new PodRunner(context, new PodStatusWriter(node.client(), context));
        Files.createDirectories(context.directory());
        Map<String, Path> volumes = node.volumes().materialise(pod, context.directory());
        ContainerLauncher launcher = new ContainerLauncher(context, node, volumes);
        String policy = pod.getSpec().getRestartPolicy() == null
                ? "Always"
                : pod.getSpec().getRestartPolicy();
        // An init container is retried until it succeeds, unless the pod never restarts anything.
        String initPolicy = "Never".equals(policy) ? "Never" : "OnFailure";
        List<Container> initContainers = pod.getSpec().getInitContainers() == null
                ? List.of()
                : pod.getSpec().getInitContainers();
        for (Container container : initContainers) {
            var prepared = launcher.prepare(container, initPolicy, runner::changed);
            if (prepared == null) {
                runner.simulated.put(container.getName(), ContainerState.completed(container));
            } else {
                runner.inits.put(container.getName(), prepared.runner());
                runner.kinds.add(prepared.kind());
            }
        }
        for (Container container : pod.getSpec().getContainers()) {
            var prepared = launcher.prepare(container, policy, runner::changed);
            if (prepared == null) {
                runner.simulated.put(container.getName(), ContainerState.simulated(container));
            } else {
                runner.processes.put(container.getName(), prepared.runner());
                runner.kinds.add(prepared.kind());
            }
        }
        Thread thread = new Thread(runner::run, "pod " + context.namespace() + "/" + context.name());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /** The init containers in order, each to its successful end; then the containers. */
    private void run() {
        changed();
        try {
            for (ContainerRunner init : inits.values()) {
                init.start();
                int exit = init.exitCode();
                if (stopping) {
                    return;
                }
                if (exit != 0) {
                    initFailed = true;
                    changed();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        initialized = true;
        processes.values().forEach(ContainerRunner::start);
        changed();
    }

    /** The kinds of the processes this pod runs ("redis", ...); empty for a pod the agent only simulates. */
    List<String> kinds() {
        return kinds;
    }

    PodContext context() {
        return context;
    }

    boolean ready() {
        return initialized && processes.values().stream().allMatch(ContainerRunner::ready);
    }

    long pid(String container) {
        return processes.get(container).pid();
    }

    /** Stops every container within the grace period, as the kubelet does when the pod is deleted. */
    void stop(Duration grace) throws InterruptedException {
        stopping = true;
        writer.close();
        List<Thread> stops = new ArrayList<>();
        List<ContainerRunner> all = new ArrayList<>(inits.values());
        all.addAll(processes.values());
        for (ContainerRunner runner : all) {
            Thread thread = new Thread(() -> {
                try {
                    runner.stop(grace);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            stops.add(thread);
        }
        for (Thread thread : stops) {
            thread.join();
        }
    }

    private void changed() {
        List<ContainerStatus> initStatuses = statuses(context.pod().getSpec().getInitContainers(), inits);
        List<ContainerStatus> statuses = statuses(context.pod().getSpec().getContainers(), processes);
        boolean allReady = initialized && statuses.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
        writer.write(initStatuses, statuses, initialized, initFailed, allReady, startTime);
    }

    private List<ContainerStatus> statuses(List<Container> containers, Map<String, ContainerRunner> runners) {
        List<ContainerStatus> statuses = new ArrayList<>();
        if (containers != null) {
            for (Container container : containers) {
                ContainerRunner process = runners.get(container.getName());
                statuses.add(
                        process != null
                                ? process.status()
                                : simulated.get(container.getName()).status());
            }
        }
        return statuses;
    }
}
