package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares one container of a pod: finds the {@link ImageRuntime} that knows its image, and makes the
 * {@link ContainerRunner} that will run it (its sandbox command, its env: a default PATH, HOSTNAME, the image's env,
 * then the container's own, which wins). No runtime knows the image: no runner, the container is simulated.
 */
final class ContainerLauncher {
    private final PodContext pod;
    private final NodeServices node;
    private final Map<String, Path> volumes;

    ContainerLauncher(PodContext pod, NodeServices node, Map<String, Path> volumes) {
        this.pod = pod;
        this.node = node;
        this.volumes = volumes;
    }

    /** The runner and the kind of its process, or null for an image no runtime knows. */
    Prepared prepare(Container container, String restartPolicy, Runnable changed) throws IOException {
        ImageRuntime image = node.images().stream()
                .filter(i -> i.knows(container.getImage()))
                .findFirst()
                .orElse(null);
        if (image == null) {
            return null;
        }
        ProcessSpec launched = image.launch(container, pod);
        ProcessSpec spec = new ProcessSpec(
                launched.command().stream().map(pod::local).toList(),
                launched.environment(),
                launched.imageFiles(),
                launched.openDirectories(),
                launched.kind(),
                launched.imageUser());
        Identity identity = Identity.of(pod.pod(), container, spec.imageUser());
        Path dir = pod.directory().resolve("containers").resolve(container.getName());
        Files.createDirectories(dir);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        String hostname = pod.pod().getSpec().getHostname();
        env.put("HOSTNAME", hostname == null ? pod.name() : hostname);
        env.putAll(spec.environment());
        env.putAll(node.env().resolve(container, pod));
        List<String> command = ContainerSandbox.command(container, spec, volumes, node.hostsFile(), identity, dir);
        ContainerRunner runner = new ContainerRunner(
                container, pod, restartPolicy, command, env, identity, dir.resolve("output.log"), changed);
        return new Prepared(runner, spec.kind());
    }

    record Prepared(ContainerRunner runner, String kind) {}
}
