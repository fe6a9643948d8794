package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;

/**
 * What the node agent needs to know about one container image to run it as a real process instead of simulating it.
 *
 * <p>The contract: {@link #knows} says whether this runtime runs the image (e.g. {@code redis:7.2}); {@link #launch}
 * turns the container into a {@link ProcessSpec}: the command as the image would run it (its entrypoint applied to the
 * container's command and args), the environment the image adds to the container's own, and the host directories that
 * play the image's files, which the agent bind-mounts read-only into the container's private root. The agent does the
 * rest for every image alike: the private root with the host's /usr and /etc, the pod's volumes at their mount paths,
 * the container's resolved env, runAsUser and runAsGroup, probes, restarts and termination.
 */
public interface ImageRuntime {
    boolean knows(String image);

    ProcessSpec launch(Container container, PodContext pod);
}
