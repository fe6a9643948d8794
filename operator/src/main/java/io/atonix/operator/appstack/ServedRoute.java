package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.edge.GatewayApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.NoEventSourceForClassException;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A host and path that one of the operator's Ingresses or HTTPRoutes serves, and whose it is: what route conflicts
 * between stacks are judged on, the same in both modes.
 *
 * @param namespace the serving object's namespace
 * @param stack the stack that owns it, from its stack label
 * @param object how a person finds it, for example {@code Ingress shop/shop}
 */
record ServedRoute(String namespace, String stack, String host, String path, String object) {
    private static final Logger LOG = Logger.getLogger(ServedRoute.class);

    static List<ServedRoute> ofIngresses(List<Ingress> ingresses) {
        List<ServedRoute> served = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
                continue;
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    served.add(of(ingress, rule.getHost(), path.getPath()));
                }
            }
        }
        return served;
    }

    static List<ServedRoute> ofHttpRoutes(List<HTTPRoute> routes) {
        List<ServedRoute> served = new ArrayList<>();
        for (HTTPRoute route : routes) {
            if (route.getSpec() == null
                    || route.getSpec().getHostnames() == null
                    || route.getSpec().getRules() == null) {
                continue;
            }
            for (String host : route.getSpec().getHostnames()) {
                for (HTTPRouteRule rule : route.getSpec().getRules()) {
                    for (HTTPRouteMatch match :
                            rule.getMatches() == null ? List.<HTTPRouteMatch>of() : rule.getMatches()) {
                        if (match.getPath() != null) {
                            served.add(of(route, host, match.getPath().getValue()));
                        }
                    }
                }
            }
        }
        return served;
    }

    /**
     * The hosts and paths the operator's Ingresses and HTTPRoutes serve, whichever mode wrote them: a stack can
     * never take a route another stack serves, also while a change of mode replaces one kind by the other.
     */
    static List<ServedRoute> inCluster(Context<AppStack> context) {
        List<ServedRoute> served = new ArrayList<>(ofIngresses(informed(context, Ingress.class)));
        // The HTTPRoutes' informer runs while the Gateway API is installed: the dependent's activation condition
        // registers it at the first workflow after the CRD appears, so right after a start there is none yet, and the
        // stacks' routes are listed once from the server instead (a stack must not take a route because it was first).
        if (GatewayApi.installed(context.getClient())) {
            List<HTTPRoute> routes;
            try {
                routes = informed(context, HTTPRoute.class);
            } catch (NoEventSourceForClassException e) {
                routes = listed(context);
            }
            served.addAll(ofHttpRoutes(routes));
        }
        return served;
    }

    private static List<HTTPRoute> listed(Context<AppStack> context) {
        try {
            return context.getClient()
                    .resources(HTTPRoute.class)
                    .inAnyNamespace()
                    .withLabelSelector(Labels.STACK_CHILDREN_SELECTOR)
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            LOG.debugf("may not list HTTPRoutes in every namespace: %s", e.getMessage());
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> List<R> informed(Context<AppStack> context, Class<R> type) {
        var source = (InformerEventSource<R, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(type);
        return source.list().toList();
    }

    private static ServedRoute of(HasMetadata object, String host, String path) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return new ServedRoute(
                object.getMetadata().getNamespace(),
                labels == null ? null : labels.get(Labels.STACK),
                host,
                path,
                object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                        + object.getMetadata().getName());
    }

    /** Whether the stack of that namespace and name serves this route itself. */
    boolean servedBy(String stackNamespace, String stackName) {
        return stackNamespace.equals(namespace) && stackName.equals(stack);
    }
}
