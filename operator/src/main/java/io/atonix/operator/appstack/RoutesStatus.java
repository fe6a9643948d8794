package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's Routes component in Gateway mode, from the conditions the Gateway's controller reports for the
 * platform's Gateway on each HTTPRoute: Accepted (the Gateway takes the route) and ResolvedRefs (its backend exists).
 * A route not accepted, or whose references do not resolve, holds the stack's readiness back with the controller's
 * reason; one the controller has not reported on yet leaves the component Unknown.
 */
public final class RoutesStatus {
    public static final String COMPONENT = "Routes";
    public static final String REASON_ACCEPTED = "Accepted";
    public static final String REASON_NOT_ACCEPTED = "RouteNotAccepted";
    public static final String REASON_REFS_NOT_RESOLVED = "RouteRefsNotResolved";
    public static final String REASON_PENDING = "Pending";
    public static final String REASON_NOT_INSTALLED = "GatewayApiNotInstalled";

    private RoutesStatus() {}

    /**
     * @param actual the stack's stored HTTPRoutes by key (empty when the Gateway API is not installed)
     * @return the component, in Gateway mode for a stack with routes
     */
    public static Optional<ComponentStatus> of(
            AppStack stack, PlatformSettings platform, Map<String, HTTPRoute> actual, boolean installed) {
        Map<String, HTTPRoute> desired = HttpRoutes.desired(stack, platform);
        if (desired.isEmpty()) {
            return Optional.empty();
        }
        EdgeSettings.GatewayRef gateway = platform.edge().gateway();
        if (!installed) {
            return Optional.of(ComponentStatus.of(
                    COMPONENT,
                    gateway.namespace() + "/" + gateway.name(),
                    false,
                    REASON_NOT_INSTALLED,
                    "the operator runs in Gateway mode but the cluster serves no gateway.networking.k8s.io HTTPRoute"
                            + " (the Gateway API's CRDs are not installed): the services' routes are not served;"
                            + " the rest of the stack is reconciled. Install the Gateway API, or run the operator in"
                            + " Ingress mode"));
        }
        List<String> refused = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        desired.forEach((key, route) -> {
            String name = "HTTPRoute " + route.getMetadata().getName();
            HTTPRoute stored = actual.get(key);
            Optional<RouteParentStatus> parent = Optional.ofNullable(stored).flatMap(r -> parentStatus(r, gateway));
            Optional<Condition> accepted = parent.flatMap(p -> condition(stored, p, "Accepted"));
            Optional<Condition> resolved = parent.flatMap(p -> condition(stored, p, "ResolvedRefs"));
            if (accepted.isPresent() && !holds(accepted)) {
                refused.add(name + ": " + CertificatesStatus.said(accepted.get()));
            } else if (resolved.isPresent() && !holds(resolved)) {
                unresolved.add(name + ": " + CertificatesStatus.said(resolved.get()));
            } else if (!holds(accepted) || !holds(resolved)) {
                pending.add(name + ": "
                        + (stored == null ? "not created yet" : "Gateway " + gateway + " has not reported on it yet"));
            }
        });
        String name = gateway.namespace() + "/" + gateway.name();
        List<String> problems = new ArrayList<>(refused);
        problems.addAll(unresolved);
        problems.addAll(pending);
        String message = String.join("; ", problems);
        if (!refused.isEmpty()) {
            return Optional.of(ComponentStatus.of(COMPONENT, name, false, REASON_NOT_ACCEPTED, message));
        }
        if (!unresolved.isEmpty()) {
            return Optional.of(ComponentStatus.of(COMPONENT, name, false, REASON_REFS_NOT_RESOLVED, message));
        }
        if (!pending.isEmpty()) {
            return Optional.of(ComponentStatus.unknown(COMPONENT, name, REASON_PENDING, message));
        }
        return Optional.of(ComponentStatus.of(
                COMPONENT,
                name,
                true,
                REASON_ACCEPTED,
                desired.size() + "/" + desired.size() + " routes accepted by Gateway " + gateway));
    }

    /** The status the Gateway's controller keeps for the platform's Gateway (and listener) on the route. */
    private static Optional<RouteParentStatus> parentStatus(HTTPRoute route, EdgeSettings.GatewayRef gateway) {
        if (route.getStatus() == null || route.getStatus().getParents() == null) {
            return Optional.empty();
        }
        return route.getStatus().getParents().stream()
                .filter(p -> isGateway(p.getParentRef(), route.getMetadata().getNamespace(), gateway))
                .findFirst();
    }

    private static boolean isGateway(ParentReference ref, String routeNamespace, EdgeSettings.GatewayRef gateway) {
        if (ref == null) {
            return false;
        }
        String namespace = ref.getNamespace() == null ? routeNamespace : ref.getNamespace();
        return Objects.equals(gateway.name(), ref.getName())
                && Objects.equals(gateway.namespace(), namespace)
                && Objects.equals(gateway.sectionName(), ref.getSectionName())
                && (ref.getKind() == null || "Gateway".equals(ref.getKind()));
    }

    /** A condition of the parent's, when it describes the route's current generation. */
    private static Optional<Condition> condition(HTTPRoute route, RouteParentStatus parent, String type) {
        Long generation = route.getMetadata().getGeneration();
        return parent.getConditions() == null
                ? Optional.empty()
                : parent.getConditions().stream()
                        .filter(c -> type.equals(c.getType()))
                        .filter(c -> generation == null
                                || c.getObservedGeneration() == null
                                || c.getObservedGeneration() >= generation)
                        .findFirst();
    }

    private static boolean holds(Optional<Condition> condition) {
        return condition.map(c -> "True".equals(c.getStatus())).orElse(false);
    }
}
