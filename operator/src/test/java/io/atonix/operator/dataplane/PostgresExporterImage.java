package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image {@code quay.io/prometheuscommunity/postgres-exporter}, played by postgres_exporter built from the Go module
 * proxy at the version tools/postgres-exporter pins (mounted at {@value #MOUNT}): the container's env (DATA_SOURCE_*)
 * and args as given, and {@code --web.listen-address=<pod IP>:9187}, the address a pod network would have given it (the
 * image listens on every address, and pods here share the host's). An image of another version than the recipe's
 * fails its pod instead of running a different exporter under its name.
 */
public final class PostgresExporterImage implements ImageRuntime {
    static final String IMAGE = "quay.io/prometheuscommunity/postgres-exporter:";
    static final int PORT = 9187;
    private static final String MOUNT = "/opt/atonix/postgres-exporter";

    private Path binary;

    @Override
    public boolean knows(String image) {
        return image.startsWith(IMAGE);
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        String tag = container.getImage().substring(IMAGE.length());
        if (!tag.equals(version())) {
            throw new IllegalStateException(container.getImage() + ": tools/postgres-exporter builds " + version()
                    + "; pin the image's version in its go.mod");
        }
        List<String> command = new ArrayList<>(
                List.of(MOUNT + "/" + binary().getFileName(), "--web.listen-address=" + pod.podIp() + ":" + PORT));
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        return new ProcessSpec(command, Map.of(), Map.of(MOUNT, binary().getParent()), "exporter");
    }

    /** The version of postgres_exporter tools/postgres-exporter/go.mod pins. */
    static String version() {
        return TestPrograms.goToolVersion("postgres-exporter", "github.com/prometheus-community/postgres_exporter");
    }

    /** postgres_exporter, built once (a few minutes cold) or the binary POSTGRES_EXPORTER names. */
    synchronized Path binary() {
        if (binary == null) {
            binary = TestPrograms.goTool("postgres-exporter", "POSTGRES_EXPORTER")
                    .binary()
                    .toAbsolutePath();
        }
        return binary;
    }
}
