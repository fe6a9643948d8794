package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one container runs as a process: the command line inside the container's root, the environment the image adds
 * (PATH, LD_LIBRARY_PATH; the container's own env is added by the agent and wins), the host directories mounted
 * read-only into the root (key: path inside the container), the image's directories that are open to every user
 * (empty at each start, as a new container's are), the kind counted in the tier's summary line ("redis", "postgres",
 * "probe", "exporter"; a pod counts as its first container's kind, a Job's as "jobs"), and the user the image runs as
 * when the pod names none (its USER; null for root).
 */
public record ProcessSpec(
        List<String> command,
        Map<String, String> environment,
        Map<String, Path> imageFiles,
        List<String> openDirectories,
        String kind,
        Long imageUser) {
    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        imageFiles = Map.copyOf(imageFiles);
        openDirectories = List.copyOf(openDirectories);
    }

    /** An image without directories open to every user, which runs as root unless the pod says otherwise. */
    public ProcessSpec(
            List<String> command, Map<String, String> environment, Map<String, Path> imageFiles, String kind) {
        this(command, environment, imageFiles, List.of(), kind, null);
    }
}
