package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official {@code redis:7.x} image, played by Debian's redis-server and redis-cli (unpacked from the archive, mounted
 * at /opt/atonix/redis in the container): the container's command and args as given (the image's shell and tools
 * serve Jobs too), and for redis-server {@code --bind <pod IP>}, the address a pod network would have given it (the
 * image binds every address, and pods here share the host's).
 */
public final class RedisImage implements ImageRuntime {
    static final List<String> PACKAGES = List.of("redis-server", "redis-tools", "libjemalloc2", "liblzf1");
    private static final String MOUNT = "/opt/atonix/redis";

    private Path root;

    @Override
    public boolean knows(String image) {
        return image.startsWith("redis:7");
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        List<String> command = new ArrayList<>();
        command.addAll(
                container.getCommand() == null || container.getCommand().isEmpty()
                        ? List.of("redis-server")
                        : container.getCommand());
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        if (command.get(0).endsWith("redis-server")) {
            command.add("--bind");
            command.add(pod.podIp());
        }
        return new ProcessSpec(
                command,
                Map.of(
                        "PATH", MOUNT + "/usr/bin:/usr/local/bin:/usr/bin:/bin",
                        "LD_LIBRARY_PATH", MOUNT + "/usr/lib/x86_64-linux-gnu"),
                Map.of(MOUNT, root()),
                "redis");
    }

    /** The unpacked packages: the directory above usr/bin/redis-server. */
    synchronized Path root() {
        if (root == null) {
            Path server = TestPrograms.debian("redis-server", "REDIS_SERVER", PACKAGES)
                    .binary();
            root = server.toAbsolutePath().getParent().getParent().getParent();
        }
        return root;
    }
}
