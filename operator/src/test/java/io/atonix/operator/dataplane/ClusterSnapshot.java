package io.atonix.operator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atonix.operator.common.DesiredHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an upgrade of the operator may change in a namespace, taken before and after: each object's content (its labels
 * and annotations, {@code atonix.io/desired-hash} among them, and for an object without that hash its data and spec),
 * keyed the way
 * the audit log names a write ("resource name") and its uid, which a deletion and creation would change; each
 * workload's pod template; and each workload's pods with their restarts.
 */
record ClusterSnapshot(
        Map<String, String> contents,
        Map<String, String> uids,
        Map<String, JsonNode> templates,
        Map<String, Set<String>> pods) {
    private static final ObjectMapper SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** apiVersion, kind and the resource the audit log names them by. */
    private static final List<List<String>> KINDS = List.of(
            List.of("v1", "Service", "services"),
            List.of("v1", "ConfigMap", "configmaps"),
            List.of("v1", "Secret", "secrets"),
            List.of("v1", "ServiceAccount", "serviceaccounts"),
            List.of("apps/v1", "Deployment", "deployments"),
            List.of("apps/v1", "StatefulSet", "statefulsets"),
            List.of("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies"),
            List.of("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets"),
            List.of("batch/v1", "CronJob", "cronjobs"),
            List.of("atonix.io/v1beta1", "Postgres", "postgreses"),
            List.of("atonix.io/v1beta1", "Redis", "redises"),
            List.of("atonix.io/v1beta1", "AppStack", "appstacks"),
            List.of("kafka.strimzi.io/v1", "KafkaTopic", "kafkatopics"),
            List.of("kafka.strimzi.io/v1", "KafkaUser", "kafkausers"));

    static ClusterSnapshot take(KubernetesClient admin, String namespace) {
        Map<String, String> contents = new TreeMap<>();
        Map<String, String> uids = new TreeMap<>();
        Map<String, JsonNode> templates = new TreeMap<>();
        for (List<String> kind : KINDS) {
            for (GenericKubernetesResource object : admin.genericKubernetesResources(kind.get(0), kind.get(1))
                    .inNamespace(namespace)
                    .list()
                    .getItems()) {
                String key = kind.get(2) + " " + object.getMetadata().getName();
                contents.put(key, content(object));
                uids.put(key, object.getMetadata().getUid());
                JsonNode template = SORTED.valueToTree(object).path("spec").path("template");
                if (kind.get(1).equals("Deployment") || kind.get(1).equals("StatefulSet")) {
                    templates.put(key, template);
                }
            }
        }
        return new ClusterSnapshot(contents, uids, templates, pods(admin, namespace));
    }

    private static String content(GenericKubernetesResource object) {
        ObjectNode tree = SORTED.valueToTree(object);
        ObjectNode content = SORTED.createObjectNode();
        String hash = DesiredHash.get(object);
        if (hash == null) {
            for (String field : List.of("data", "stringData", "spec")) {
                content.set(field, tree.path(field));
            }
        }
        content.set("labels", tree.path("metadata").path("labels"));
        content.set("annotations", tree.path("metadata").path("annotations"));
        try {
            return SORTED.writeValueAsString(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each workload's pods as "uid restarts N", keyed like the workload ("deployments shop-writer"). */
    private static Map<String, Set<String>> pods(KubernetesClient admin, String namespace) {
        Map<String, String> deploymentOfReplicaSet = new TreeMap<>();
        for (ReplicaSet set :
                admin.apps().replicaSets().inNamespace(namespace).list().getItems()) {
            for (OwnerReference owner : set.getMetadata().getOwnerReferences()) {
                deploymentOfReplicaSet.put(set.getMetadata().getName(), "deployments " + owner.getName());
            }
        }
        Map<String, Set<String>> pods = new TreeMap<>();
        for (Pod pod : admin.pods().inNamespace(namespace).list().getItems()) {
            for (OwnerReference owner : pod.getMetadata().getOwnerReferences()) {
                String workload = owner.getKind().equals("StatefulSet")
                        ? "statefulsets " + owner.getName()
                        : deploymentOfReplicaSet.getOrDefault(owner.getName(), owner.getKind() + " " + owner.getName());
                pods.computeIfAbsent(workload, w -> new TreeSet<>())
                        .add(pod.getMetadata().getUid() + " restarts " + restarts(pod));
            }
        }
        return pods;
    }

    private static int restarts(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? 0
                : pod.getStatus().getContainerStatuses().stream()
                        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
                        .sum();
    }
}
