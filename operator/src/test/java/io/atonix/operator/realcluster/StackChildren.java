package io.atonix.operator.realcluster;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objects the operator made in a namespace for its stacks, each stack's named with the stack's name and a dash
 * first: what each stack has ("Kind/name" without the stack's name), to compare stacks with each other, and every
 * object's uid, to see that none was made again.
 */
final class StackChildren {
    private final Map<String, String> uids = new TreeMap<>();

    private StackChildren() {}

    static StackChildren in(KubernetesClient admin, String namespace) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(admin.serviceAccounts()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.services()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.secrets()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.configMaps()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.network()
                .v1()
                .networkPolicies()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(
                admin.resources(Postgres.class).inNamespace(namespace).list().getItems());
        objects.addAll(
                admin.resources(Redis.class).inNamespace(namespace).list().getItems());
        // Made by the StatefulSet controller from the operator's claim templates: one per data store pod.
        objects.addAll(
                admin.persistentVolumeClaims().inNamespace(namespace).list().getItems());
        StackChildren children = new StackChildren();
        objects.forEach(o -> children.uids.put(
                o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getUid()));
        return children;
    }

    /** "Kind/name" to uid, for every object. */
    Map<String, String> uids() {
        return uids;
    }

    /** What the stack has: "Kind/rest" for each object named "Kind/stack-rest" (claims: "data-stack-..."). */
    TreeSet<String> of(String stack) {
        TreeSet<String> shape = new TreeSet<>();
        for (String key : uids.keySet()) {
            String kind = key.substring(0, key.indexOf('/'));
            String name = key.substring(key.indexOf('/') + 1);
            String withoutClaimPrefix = name.startsWith("data-") ? name.substring("data-".length()) : name;
            if (withoutClaimPrefix.startsWith(stack + "-")) {
                shape.add(kind + "/" + (name.equals(withoutClaimPrefix) ? "" : "data-")
                        + withoutClaimPrefix.substring(stack.length() + 1));
            }
        }
        return shape;
    }
}
