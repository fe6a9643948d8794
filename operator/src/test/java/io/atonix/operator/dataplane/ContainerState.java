package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Instant;

/** What the kubelet reports about one container: its state, the last termination, restarts, started and ready. */
final class ContainerState {
    private final Container container;
    private io.fabric8.kubernetes.api.model.ContainerState current;
    private io.fabric8.kubernetes.api.model.ContainerState last;
    private int restarts;
    private boolean started;
    private boolean ready;
    private boolean finished;

    ContainerState(Container container) {
        this.container = container;
        this.current = new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("ContainerCreating")
                .endWaiting()
                .build();
    }

    /** A container the agent does not run: reported running and ready at once, as kwok reports every container. */
    static ContainerState simulated(Container container) {
        ContainerState state = new ContainerState(container);
        state.running(Instant.now());
        state.started(true, true);
        return state;
    }

    /** An init container the agent does not run: reported completed at once. */
    static ContainerState completed(Container container) {
        ContainerState state = new ContainerState(container);
        state.running(Instant.now());
        state.terminated(0, Instant.now());
        return state;
    }

    synchronized void running(Instant at) {
        current = new ContainerStateBuilder()
                .withNewRunning()
                .withStartedAt(at.toString())
                .endRunning()
                .build();
        started = false;
        ready = false;
    }

    synchronized void started(boolean started, boolean ready) {
        this.started = started;
        this.ready = ready;
    }

    synchronized void terminated(int exitCode, Instant at) {
        terminated(exitCode, at, "");
    }

    /** Ended with the message the container left at its terminationMessagePath (none when empty). */
    synchronized void terminated(int exitCode, Instant at, String message) {
        String startedAt = current.getRunning() == null
                ? at.toString()
                : current.getRunning().getStartedAt();
        current = new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error")
                .withStartedAt(startedAt)
                .withFinishedAt(at.toString())
                .withMessage(message.isEmpty() ? null : message)
                .endTerminated()
                .build();
        started = false;
        ready = false;
        finished = true;
    }

    synchronized void waiting(String reason) {
        last = current;
        current = new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(reason)
                .endWaiting()
                .build();
    }

    synchronized void restarted() {
        restarts++;
        finished = false;
    }

    synchronized void failed(String message) {
        current = new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("CreateContainerError")
                .withMessage(message)
                .endWaiting()
                .build();
        ready = false;
    }

    synchronized boolean ready() {
        return ready;
    }

    synchronized boolean finished() {
        return finished;
    }

    synchronized ContainerStatus status() {
        return new ContainerStatusBuilder()
                .withName(container.getName())
                .withImage(container.getImage())
                .withImageID("")
                .withContainerID("atonix://" + container.getName())
                .withState(current)
                .withLastState(last)
                .withRestartCount(restarts)
                .withStarted(started)
                .withReady(ready)
                .build();
    }
}
