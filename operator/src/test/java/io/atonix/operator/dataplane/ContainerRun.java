package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container as the agent hands it to an {@link ImageRuntime}.
 *
 * @param command the container's command (replaces the image's entrypoint); empty for the entrypoint
 * @param args the container's args (replace the image's default command)
 * @param environment the container's environment, every reference already resolved
 * @param mounts the directory (or file) on this machine behind each mount path of the container
 * @param podIp the pod's own loopback address (127.x.y.z): its servers listen there, and its 127.0.0.1 means it
 * @param writableLayer a directory of this container's own, for what a container writes outside its mounts
 * @param hostsFile a hosts file naming the cluster's Services, which the process sees as its /etc/hosts; the agent
 *        must rewrite it in place (a bind mount keeps the file it was made with)
 */
public record ContainerRun(
        String image,
        List<String> command,
        List<String> args,
        Map<String, String> environment,
        Map<String, Path> mounts,
        String podIp,
        Path writableLayer,
        Optional<Path> hostsFile) {
    public ContainerRun {
        command = List.copyOf(command);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        mounts = Map.copyOf(mounts);
    }

    /** The same container asked to run {@code execCommand}, as an exec probe does. */
    public ContainerRun exec(List<String> execCommand) {
        return new ContainerRun(image, execCommand, List.of(), environment, mounts, podIp, writableLayer, hostsFile);
    }
}
