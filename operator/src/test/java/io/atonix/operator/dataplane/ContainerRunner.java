package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One container of a pod run as a process, as the kubelet runs it: started in its {@link ContainerSandbox}, its startup,
 * readiness and liveness probes run at their periods, restarted by the pod's restartPolicy with a doubling back-off
 * (1 s to 10 s: shorter than the kubelet's 10 s to 5 min, so the tests stay fast), and on stop sent SIGTERM, then
 * SIGKILL after the grace period.
 */
final class ContainerRunner {
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    private final Container container;
    private final PodContext pod;
    private final String restartPolicy;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final List<String> command;
    private final Map<String, String> env;
    private final Identity identity;
    private final Path log;
    private final Runnable changed;
    private final ContainerState state;
    private volatile boolean stopping;
    private volatile Process process;

    ContainerRunner(
            Container container,
            PodContext pod,
            String restartPolicy,
            List<String> command,
            Map<String, String> env,
            Identity identity,
            Path log,
            Runnable changed) {
        this.container = container;
        this.pod = pod;
        this.restartPolicy = restartPolicy;
        this.command = command;
        this.env = env;
        this.identity = identity;
        this.log = log;
        this.changed = changed;
        this.state = new ContainerState(container);
    }

    void start() {
        Thread thread = new Thread(this::run, "container " + pod.name() + "/" + container.getName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Duration backOff = Duration.ofSeconds(1);
        try {
            while (!stopping) {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().clear();
                builder.environment().putAll(env);
                Files.writeString(terminationLog(), "");
                process = builder.start();
                state.running(Instant.now());
                changed.run();
                watch(process);
                int exit = process.waitFor();
                state.terminated(exit, Instant.now(), TerminationMessage.of(container, exit, terminationLog(), log));
                changed.run();
                if (stopping || !restarts(exit)) {
                    exited.complete(exit);
                    return;
                }
                state.waiting("CrashLoopBackOff");
                changed.run();
                Thread.sleep(backOff.toMillis());
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
                state.restarted();
            }
        } catch (Exception e) {
            state.failed(e.getMessage());
            changed.run();
        } finally {
            exited.complete(-1);
        }
    }

    /** Runs the probes while the process lives; a failed liveness or startup probe kills it. */
    private void watch(Process running) throws InterruptedException {
        ProbeSchedule startup = ProbeSchedule.of(container.getStartupProbe());
        ProbeSchedule readiness = ProbeSchedule.readiness(container.getReadinessProbe());
        ProbeSchedule liveness = ProbeSchedule.of(container.getLivenessProbe());
        boolean started = startup == null;
        state.started(started, readiness == null && started);
        changed.run();
        while (running.isAlive() && !stopping) {
            if (!started) {
                Boolean result = startup.runIfDue(this::passes);
                if (Boolean.TRUE.equals(result)) {
                    started = true;
                    state.started(true, readiness == null);
                    changed.run();
                } else if (startup.exhausted()) {
                    running.destroyForcibly();
                }
            } else {
                Boolean ready = readiness == null ? null : readiness.runIfDue(this::passes);
                if (ready != null && state.ready() != ready && (ready || readiness.exhausted())) {
                    state.started(true, ready);
                    changed.run();
                }
                if (liveness != null && liveness.runIfDue(this::passes) != null && liveness.exhausted()) {
                    running.destroyForcibly();
                }
            }
            running.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    private boolean passes(Probe probe) {
        return ProbeCheck.passes(probe, container, pod, process.pid(), identity, env);
    }

    private boolean restarts(int exit) {
        return "Always".equals(restartPolicy) || ("OnFailure".equals(restartPolicy) && exit != 0);
    }

    private java.nio.file.Path terminationLog() {
        return log.resolveSibling(ContainerSandbox.TERMINATION_LOG);
    }

    /** Waits until the container has ended for good (no restart follows): its last exit code, -1 if it never ran. */
    int exitCode() throws InterruptedException {
        try {
            return exited.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return -1;
        }
    }

    /** SIGTERM, then SIGKILL once the grace period has passed. */
    void stop(Duration grace) throws InterruptedException {
        stopping = true;
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                running.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The running process's id, for tests that kill it as a crash would. */
    long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    boolean ready() {
        return state.ready();
    }

    boolean finished() {
        return state.finished();
    }

    ContainerStatus status() {
        return state.status();
    }
}
