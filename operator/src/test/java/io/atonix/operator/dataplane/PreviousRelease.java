package io.atonix.operator.dataplane;

import io.atonix.operator.common.DesiredHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands for an operator upgrade whose builders write the same objects in another form: every child carries the hash
 * a previous release would have stamped, so the head sees each one as changed and writes it again. What the write
 * must not do is restart a pod or lose a credential.
 */
final class PreviousRelease {
    static final String HASH = "written-by-the-previous-release";
    private static final List<List<String>> KINDS = List.of(
            List.of("v1", "Service"),
            List.of("v1", "ConfigMap"),
            List.of("v1", "Secret"),
            List.of("v1", "ServiceAccount"),
            List.of("apps/v1", "Deployment"),
            List.of("apps/v1", "StatefulSet"),
            List.of("networking.k8s.io/v1", "NetworkPolicy"),
            List.of("policy/v1", "PodDisruptionBudget"),
            List.of("batch/v1", "CronJob"),
            List.of("atonix.io/v1beta1", "Postgres"),
            List.of("atonix.io/v1beta1", "Redis"));

    private PreviousRelease() {}

    /** Stamps every child in the namespace with the previous release's hash; how many it stamped. */
    static int stampChildren(KubernetesClient admin, String namespace) {
        int stamped = 0;
        for (GenericKubernetesResource child : children(admin, namespace)) {
            if (DesiredHash.get(child) != null) {
                admin.genericKubernetesResources(child.getApiVersion(), child.getKind())
                        .inNamespace(namespace)
                        .withName(child.getMetadata().getName())
                        .edit(c -> {
                            c.getMetadata().getAnnotations().put(DesiredHash.ANNOTATION, HASH);
                            return c;
                        });
                stamped++;
            }
        }
        return stamped;
    }

    /** Children that still carry the previous release's hash. */
    static List<String> unchanged(KubernetesClient admin, String namespace) {
        return children(admin, namespace).stream()
                .filter(c -> HASH.equals(DesiredHash.get(c)))
                .map(c -> c.getKind() + " " + c.getMetadata().getName())
                .toList();
    }

    /** Each pod's uid and the restarts of its containers: what a restart would change. */
    static Map<String, String> pods(KubernetesClient admin, String namespace) {
        Map<String, String> pods = new TreeMap<>();
        for (Pod pod : admin.pods().inNamespace(namespace).list().getItems()) {
            int restarts = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                    ? 0
                    : pod.getStatus().getContainerStatuses().stream()
                            .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
                            .sum();
            pods.put(pod.getMetadata().getName(), pod.getMetadata().getUid() + " restarts " + restarts);
        }
        return pods;
    }

    private static List<GenericKubernetesResource> children(KubernetesClient admin, String namespace) {
        return KINDS.stream()
                .flatMap(
                        kind -> admin
                                .genericKubernetesResources(kind.get(0), kind.get(1))
                                .inNamespace(namespace)
                                .list()
                                .getItems()
                                .stream())
                .toList();
    }
}
