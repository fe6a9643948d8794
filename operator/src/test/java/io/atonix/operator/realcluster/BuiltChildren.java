package io.atonix.operator.realcluster;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.appstack.BindingChecksums;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The children of the AppStacks of one namespace that have no data store: as the server stores them, and as the
 * builders make them for the stacks as stored (what a single operator creates), each keyed "Kind/name".
 */
final class BuiltChildren {
    /** The kinds {@link AppStackResources#desired} makes for a stack of services alone. */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            ServiceAccount.class,
            Deployment.class,
            Service.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class,
            Ingress.class,
            NetworkPolicy.class);

    private final KubernetesClient admin;
    private final String namespace;

    BuiltChildren(KubernetesClient admin, String namespace) {
        this.admin = admin;
        this.namespace = namespace;
    }

    /** The stored children's UIDs: an object deleted and created again has a new one. */
    Map<String, String> uids() {
        return stored(o -> o.getMetadata().getUid());
    }

    /** The stored children's {@code atonix.io/desired-hash}: the builders' object each was written from. */
    Map<String, String> hashes() {
        return stored(DesiredHash::get);
    }

    /** The desired hash of each child the builders make for the namespace's stacks as stored (their UIDs included). */
    Map<String, String> desired() {
        Map<String, String> desired = new TreeMap<>();
        for (AppStack stack :
                admin.resources(AppStack.class).inNamespace(namespace).list().getItems()) {
            for (HasMetadata object :
                    AppStackResources.desired(stack, PlatformSettings.defaults(), BindingChecksums.placeholder())) {
                desired.put(key(object), DesiredHash.get(object));
            }
        }
        return desired;
    }

    private Map<String, String> stored(Function<HasMetadata, String> value) {
        Map<String, String> found = new TreeMap<>();
        for (Class<? extends HasMetadata> kind : KINDS) {
            for (HasMetadata object : managed(kind)) {
                found.put(key(object), value.apply(object));
            }
        }
        return found;
    }

    private <T extends HasMetadata> List<T> managed(Class<T> kind) {
        return new ArrayList<>(admin.resources(kind)
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
    }

    private static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
