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
 * One pod on the agent's node: its volumes materialised, each container of a known image run as a process
 * ({@link ContainerRunner}), each other container simulated (running and ready at once, as kwok would), and its status
 * written whenever a container's state changes. Init containers are not run yet: a pod with any is refused.
 */
final class PodRunner {
    private final PodContext context;
    private final Map<String, ContainerRunner> processes = new LinkedHashMap<>();
    private final Map<String, ContainerState> simulated = new LinkedHashMap<>();
    private final PodStatusWriter writer;
    private final Instant startTime = Instant.now();
    private final List<String> kinds = new ArrayList<>();

    private PodRunner(PodContext context, PodStatusWriter writer) {
        this.context = context;
        this.writer = writer;
    }

    static PodRunner start(PodContext context, NodeServices node) throws Exception {
        Pod pod = context.pod();
        if (pod.getSpec().getInitContainers() != null
                && !pod.getSpec().getInitContainers().isEmpty()) {
            throw new IllegalStateException("init containers are not run by the agent yet: " + context.name());
        }
        PodRunner runner = new PodRunner(context, new PodStatusWriter(node.client(), context));
        Files.createDirectories(context.directory());
        Map<String, Path> volumes = node.volumes().materialise(pod, context.directory());
        for (Container container : pod.getSpec().getContainers()) {
            ImageRuntime image = node.images().stream()
                    .filter(i -> i.knows(container.getImage()))
                    .findFirst()
                    .orElse(null);
            if (image == null) {
                runner.simulated.put(container.getName(), ContainerState.simulated(container));
                continue;
            }
            ProcessSpec launched = image.launch(container, context);
            ProcessSpec spec = new ProcessSpec(
                    launched.command().stream().map(context::local).toList(),
                    launched.environment(),
                    launched.imageFiles(),
                    launched.kind());
            runner.kinds.add(spec.kind());
            Identity identity = Identity.of(pod, container);
            Path dir = context.directory().resolve("containers").resolve(container.getName());
            Files.createDirectories(dir);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            env.put(
                    "HOSTNAME",
                    pod.getSpec().getHostname() == null
                            ? context.name()
                            : pod.getSpec().getHostname());
            env.putAll(spec.environment());
            env.putAll(node.env().resolve(container, context));
            List<String> command = ContainerSandbox.command(container, spec, volumes, node.hostsFile(), identity, dir);
            runner.processes.put(
                    container.getName(),
                    new ContainerRunner(
                            container, context, command, env, identity, dir.resolve("output.log"), runner::changed));
        }
        runner.processes.values().forEach(ContainerRunner::start);
        runner.changed();
        return runner;
    }

    /** The kinds of the processes this pod runs ("redis", ...); empty for a pod the agent only simulates. */
    List<String> kinds() {
        return kinds;
    }

    PodContext context() {
        return context;
    }

    boolean ready() {
        return processes.values().stream().allMatch(ContainerRunner::ready);
    }

    long pid(String container) {
        return processes.get(container).pid();
    }

    /** Stops every container within the grace period, as the kubelet does when the pod is deleted. */
    void stop(Duration grace) throws InterruptedException {
        writer.close();
        List<Thread> stops = new ArrayList<>();
        for (ContainerRunner runner : processes.values()) {
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
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container container : context.pod().getSpec().getContainers()) {
            ContainerRunner process = processes.get(container.getName());
            statuses.add(
                    process != null
                            ? process.status()
                            : simulated.get(container.getName()).status());
        }
        boolean allReady = statuses.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
        writer.write(statuses, allReady, startTime);
    }
}
