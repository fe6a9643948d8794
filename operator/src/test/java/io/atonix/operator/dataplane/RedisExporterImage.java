package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image {@code oliver006/redis_exporter}, played by Debian's prometheus-redis-exporter (unpacked from the archive,
 * its directory mounted at {@value #MOUNT}). The Go module proxy refuses the redis_exporter module, so Debian's build
 * (1.45.0, older than the operator's image) stands in for it: the env it reads (REDIS_ADDR, REDIS_USER,
 * REDIS_PASSWORD), its /metrics and /health are the same. The container's env and args as given, and
 * {@code -web.listen-address=<pod IP>:9121}, the address a pod network would have given it (the image listens on
 * every address, and pods here share the host's).
 */
public final class RedisExporterImage implements ImageRuntime {
    static final String IMAGE = "oliver006/redis_exporter:";
    static final int PORT = 9121;
    private static final String MOUNT = "/opt/atonix/redis-exporter";

    private Path binary;

    @Override
    public boolean knows(String image) {
        return image.startsWith(IMAGE);
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        List<String> command = new ArrayList<>(
                List.of(MOUNT + "/" + binary().getFileName(), "-web.listen-address=" + pod.podIp() + ":" + PORT));
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        return new ProcessSpec(command, Map.of(), Map.of(MOUNT, binary().getParent()), "exporter");
    }

    /** The unpacked package's exporter (a Go binary that needs only libc), or the binary REDIS_EXPORTER names. */
    synchronized Path binary() {
        if (binary == null) {
            binary = TestPrograms.debian(
                            "prometheus-redis-exporter", "REDIS_EXPORTER", List.of("prometheus-redis-exporter"))
                    .binary()
                    .toAbsolutePath();
        }
        return binary;
    }
}
