package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In Gateway mode, the gateway.networking.k8s.io/v1 HTTPRoutes of a stack: one per service and host it routes,
 * attached to the platform's Gateway, matching the service's paths under that host and sending them to the service's
 * port. One route per host, because an HTTPRoute's hostnames apply to all its rules: one route for two hosts with
 * different paths would serve each path under both.
 */
public final class HttpRoutes {
    public static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private HttpRoutes() {}

    /** The stack's HTTPRoutes keyed by {@link #key}; none in Ingress mode. */
    public static Map<String, HTTPRoute> desired(AppStack stack, PlatformSettings platform) {
        Map<String, HTTPRoute> routes = new LinkedHashMap<>();
        if (!platform.edge().gatewayMode()) {
            return routes;
        }
        for (ServiceSpec service : stack.getSpec().services()) {
            if (!service.hasPort()) {
                continue;
            }
            Map<String, List<Route>> byHost = new LinkedHashMap<>();
            service.routes()
                    .forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>())
                            .add(r));
            byHost.forEach((host, hostRoutes) -> routes.put(
                    key(service.name(), host),
                    route(stack, service, host, hostRoutes, platform.edge().gateway())));
        }
        return routes;
    }

    /** A route's key among the stack's: its service and host. */
    static String key(String service, String host) {
        return service + " " + host;
    }

    /** The key of a stored route of the stack, from its service label and its one host name. */
    static String key(HTTPRoute route) {
        String service = route.getMetadata().getLabels() == null
                ? null
                : route.getMetadata().getLabels().get(Labels.SERVICE);
        List<String> hosts = route.getSpec() == null ? null : route.getSpec().getHostnames();
        return service == null || hosts == null || hosts.size() != 1 ? null : key(service, hosts.get(0));
    }

    /** The reference to the platform's Gateway, as each route names its parent. */
    public static ParentReference parent(EdgeSettings.GatewayRef gateway) {
        return new ParentReferenceBuilder()
                .withGroup(GATEWAY_GROUP)
                .withKind("Gateway")
                .withNamespace(gateway.namespace())
                .withName(gateway.name())
                .withSectionName(gateway.sectionName())
                .build();
    }

    private static HTTPRoute route(
            AppStack stack, ServiceSpec service, String host, List<Route> routes, EdgeSettings.GatewayRef gateway) {
        String name = stack.getMetadata().getName();
        List<HTTPRouteMatch> matches = new ArrayList<>();
        List<Route> matched = new ArrayList<>(routes);
        if (AuthProxies.callbackHosts(stack, service).contains(host)) {
            matched.add(new Route(host, AuthProxyArgs.proxyPrefix(service), PathType.Prefix));
        }
        for (Route route : matched) {
            matches.add(new HTTPRouteMatchBuilder()
                    .withNewPath()
                    .withType(route.pathTypeOrDefault() == PathType.Exact ? "Exact" : "PathPrefix")
                    .withValue(route.path())
                    .endPath()
                    .build());
        }
        return StackObjects.finish(new HTTPRouteBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(Names.httpRoute(name, service.name(), host))
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(Labels.forService(name, service.name()))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withParentRefs(parent(gateway))
                .withHostnames(host)
                .addNewRule()
                .withMatches(matches)
                .addNewBackendRef()
                .withGroup("")
                .withKind("Service")
                .withName(AuthProxies.edgeBackend(stack, service))
                .withPort(AuthProxies.edgeBackendPort(stack, service))
                .withWeight(1)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build());
    }
}
