package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;

/**
 * The pod a container belongs to, as the agent runs it: its loopback address and its directory on the host.
 *
 * <p>Pods share the host's network (a network namespace per pod would need routes and sysctls on the host), so a
 * container's own loopback, 127.0.0.1 in its command, env or exec probes, is its pod's address: {@link #local}
 * translates it. That is the one place where the agent changes what the pod spec says.
 */
public record PodContext(Pod pod, String podIp, Path directory) {
    public String namespace() {
        return pod.getMetadata().getNamespace();
    }

    public String name() {
        return pod.getMetadata().getName();
    }

    /** The text with the container's loopback address, 127.0.0.1, replaced by the pod's. */
    public String local(String text) {
        return text == null ? null : text.replace("127.0.0.1", podIp);
    }
}
