package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Deletes the per-stack dashboard ConfigMaps that versions before the shared dashboard wrote ({@code <stack>-dashboard},
 * owned by the stack): garbage collection would keep them, and Grafana would show them, for as long as their stacks
 * live. Looked for once per namespace and operator process, on the first reconcile of a stack there, by one labelled
 * list (no informer caches them): a namespace with none costs one read after each start, and no write.
 */
@ApplicationScoped
public class RetiredDashboards {
    /** The labels the ConfigMaps carried (Labels.forStack with the name "dashboard"). */
    static final Map<String, String> SELECTOR =
            Map.of(Labels.MANAGED_BY, Labels.OPERATOR, Labels.NAME, "dashboard", Labels.COMPONENT, "monitoring");

    private static final Logger LOG = Logger.getLogger(RetiredDashboards.class);

    private final Set<String> sweptNamespaces = ConcurrentHashMap.newKeySet();

    /** Deletes the stack's namespace's old dashboards, unless this process did already; a failure is tried again. */
    public void sweep(AppStack stack, Context<AppStack> context) {
        String namespace = stack.getMetadata().getNamespace();
        if (sweptNamespaces.contains(namespace)) {
            return;
        }
        KubernetesClient client = context.getClient();
        for (ConfigMap old : client.configMaps()
                .inNamespace(namespace)
                .withLabels(SELECTOR)
                .withLabel(Labels.STACK)
                .list()
                .getItems()) {
            if (ownedByAStack(old)) {
                LOG.infof(
                        "deleting %s/%s, a stack's dashboard of an earlier version: one dashboard serves every stack now",
                        namespace, old.getMetadata().getName());
                client.resource(old).delete();
            }
        }
        sweptNamespaces.add(namespace);
    }

    private static boolean ownedByAStack(ConfigMap configMap) {
        return configMap.getMetadata().getOwnerReferences().stream().anyMatch(RetiredDashboards::isStack);
    }

    private static boolean isStack(OwnerReference owner) {
        return "AppStack".equals(owner.getKind()) && Boolean.TRUE.equals(owner.getController());
    }
}
