package io.atonix.operator.dataplane;

/**
 * An image the node agent runs as local processes instead of leaving its pods to kwok. Before it asks, the agent has
 * resolved the container's environment (values, {@code secretKeyRef}, {@code configMapKeyRef}, {@code fieldRef}) and
 * materialised its volumes as directories; the runtime turns that into the process to start.
 */
public interface ImageRuntime {
    /** Whether this runtime runs {@code image}; the agent leaves every other image to kwok. */
    boolean knows(String image);

    /**
     * The process for a container: its start (the image's entrypoint when the container has no command, as a container
     * runtime does), or an exec probe into it (the probe's command, with the container's environment and mounts).
     * Fails with a message saying what is missing when the image's programs cannot be had; never simulates.
     */
    ProcessSpec launch(ContainerRun container);
}
