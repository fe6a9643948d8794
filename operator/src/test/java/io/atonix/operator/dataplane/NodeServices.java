package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/** What the agent's pods share: the API client, the volume maker, the known images, env resolution, the hosts file. */
record NodeServices(
        KubernetesClient client, PodVolumes volumes, List<ImageRuntime> images, ContainerEnv env, Path hostsFile) {}
