package io.atonix.operator.dataplane;

import io.atonix.operator.dataplane.probe.ProbeApplication;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The image {@value #IMAGE}: the project's probe application ({@link ProbeApplication}) on this machine's JDK, listening
 * on the pod's address at the container's first port (8080 without one). The JDK is mounted at its own path, the
 * test classes and PostgreSQL's JDBC driver under {@value #MOUNT}. Like a distroless image it runs as the non-root user
 * {@value #USER} unless the pod says otherwise. The container's args follow the address and port, as an image's
 * entrypoint receives them ({@code sql <statements>} runs once, for a Job).
 */
public final class ProbeImage implements ImageRuntime {
    public static final String IMAGE = "atonix/dataplane-probe:1";
    static final long USER = 65532;
    private static final String MOUNT = "/opt/atonix/probe";

    @Override
    public boolean knows(String image) {
        return IMAGE.equals(image);
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path classes = location(ProbeApplication.class);
        Path driver = location(org.postgresql.Driver.class);
        int port = container.getPorts() == null || container.getPorts().isEmpty()
                ? 8080
                : container.getPorts().stream()
                        .map(ContainerPort::getContainerPort)
                        .findFirst()
                        .orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(
                javaHome.resolve("bin/java").toString(),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                MOUNT + "/classes:" + MOUNT + "/driver/" + driver.getFileName(),
                ProbeApplication.class.getName(),
                pod.podIp(),
                String.valueOf(port)));
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        return new ProcessSpec(
                command,
                Map.of(),
                Map.of(
                        javaHome.toString(),
                        javaHome,
                        MOUNT + "/classes",
                        classes,
                        MOUNT + "/driver",
                        driver.getParent()),
                java.util.List.of(),
                "probe",
                USER);
    }

    /** The directory or jar a class was loaded from. */
    private static Path location(Class<?> type) {
        try {
            Path path = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.exists(path)) {
                throw new IllegalStateException(type + " was loaded from " + path + ", which is gone");
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
