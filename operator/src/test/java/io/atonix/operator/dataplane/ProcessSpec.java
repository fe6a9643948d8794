package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A process to start for a container.
 *
 * @param environment the whole environment: nothing of the agent's own is inherited
 * @param stopSignal the signal that stops it gracefully (the image's STOPSIGNAL; the agent sends SIGKILL after the
 *        grace period as the kubelet does)
 */
public record ProcessSpec(
        List<String> command, Map<String, String> environment, Path workingDirectory, String stopSignal) {
    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }
}
