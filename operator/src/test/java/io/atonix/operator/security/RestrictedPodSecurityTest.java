package io.atonix.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.render.Renderer;
import io.atonix.operator.render.ResourceFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pod template the operator can generate meets the Pod Security Standard "restricted" (policy version
 * latest): the samples, rendered through the controllers' builders, and what the data-store controllers make of the
 * child resources a stack renders into. A sample that turns a feature on brings its pods into this walk.
 */
class RestrictedPodSecurityTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    /** The volume types "restricted" allows. */
    private static final Set<String> ALLOWED_VOLUMES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    @Test
    void everyPodTemplateOfEverySampleIsRestricted() throws Exception {
        List<PodSpec> pods = new ArrayList<>();
        Renderer renderer = new Renderer(PlatformSettings.defaults(), "default");
        for (Path sample : samples()) {
            for (HasMetadata resource : ResourceFiles.read(sample)) {
                collect(renderer, sample.toString(), resource, pods);
            }
        }
        assertThat(pods)
                .as("the walk reaches Deployments, StatefulSets and CronJobs")
                .hasSizeGreaterThanOrEqualTo(4);
        for (PodSpec pod : pods) {
            checkRestricted(pod);
        }
    }

    /** The objects a resource renders into, and, for those the operator reconciles in turn, theirs. */
    private static void collect(Renderer renderer, String source, HasMetadata resource, List<PodSpec> pods)
            throws Exception {
        for (HasMetadata object : renderer.render(source, resource)) {
            if (object instanceof Deployment d) {
                pods.add(d.getSpec().getTemplate().getSpec());
            } else if (object instanceof StatefulSet s) {
                pods.add(s.getSpec().getTemplate().getSpec());
            } else if (object instanceof CronJob c) {
                pods.add(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
            } else if (object instanceof Job j) {
                pods.add(j.getSpec().getTemplate().getSpec());
            } else if (object.getApiVersion().startsWith("atonix.io/")) {
                collect(
                        renderer,
                        source + " > " + object.getKind() + " "
                                + object.getMetadata().getName(),
                        object,
                        pods);
            }
        }
    }

    private static void checkRestricted(PodSpec pod) {
        var podContext = pod.getSecurityContext();
        assertThat(pod.getHostNetwork()).as("hostNetwork").isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).as("hostPID").isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).as("hostIPC").isNotEqualTo(Boolean.TRUE);
        for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            assertThat(volumeType(volume)).as("volume " + volume.getName()).isIn(ALLOWED_VOLUMES);
        }
        boolean podNonRoot = podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        String podSeccomp = podContext == null || podContext.getSeccompProfile() == null
                ? null
                : podContext.getSeccompProfile().getType();
        assertThat((Object) (podContext == null ? null : podContext.getRunAsUser()))
                .as("pod runAsUser")
                .isNotEqualTo(0L);
        List<Container> containers = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            containers.addAll(pod.getInitContainers());
        }
        for (Container container : containers) {
            SecurityContext context = container.getSecurityContext();
            String name = "container " + container.getName();
            assertThat(context).as(name + " securityContext").isNotNull();
            assertThat(context.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
            assertThat(context.getAllowPrivilegeEscalation())
                    .as(name + " allowPrivilegeEscalation")
                    .isFalse();
            assertThat(context.getCapabilities()).as(name + " capabilities").isNotNull();
            assertThat(context.getCapabilities().getDrop())
                    .as(name + " drops ALL")
                    .contains("ALL");
            assertThat(
                            context.getCapabilities().getAdd() == null
                                    ? List.<String>of()
                                    : context.getCapabilities().getAdd())
                    .as(name + " adds only NET_BIND_SERVICE")
                    .isSubsetOf("NET_BIND_SERVICE");
            assertThat(podNonRoot || Boolean.TRUE.equals(context.getRunAsNonRoot()))
                    .as(name + " runAsNonRoot")
                    .isTrue();
            assertThat((Object) context.getRunAsUser()).as(name + " runAsUser").isNotEqualTo(0L);
            String seccomp = context.getSeccompProfile() == null
                    ? podSeccomp
                    : context.getSeccompProfile().getType();
            assertThat(seccomp).as(name + " seccompProfile").isIn("RuntimeDefault", "Localhost");
            if (container.getPorts() != null) {
                container
                        .getPorts()
                        .forEach(port -> assertThat(port.getHostPort())
                                .as(name + " hostPort")
                                .isNull());
            }
        }
    }

    private static String volumeType(Volume volume) {
        var fields = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .convertValue(volume, java.util.Map.class);
        return ((java.util.Map<?, ?>) fields)
                .keySet().stream()
                        .map(Object::toString)
                        .filter(k -> !k.equals("name"))
                        .findFirst()
                        .orElse("none");
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
