package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.https;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host and path another stack serves is refused, whether an Ingress or an HTTPRoute serves it. */
class RouteConflictsTest {
    private static final PlatformSettings GATEWAY = PlatformSettings.defaults()
            .withEdge(EdgeSettings.gateway(new EdgeSettings.GatewayRef("edge", "public", null)));

    private static AppStack shop(String namespace, String name, String path) {
        return stack(
                namespace,
                name,
                List.of(https("shop.example.com")),
                withRoutes(service("web", "nginx", 8080), route("shop.example.com", path)));
    }

    @Test
    void aRouteAnotherStacksHttpRouteServesIsRefusedAsOneItsIngressServes() {
        AppStack first = shop("team-a", "first", "/");
        var httpRoutes = ServedRoute.ofHttpRoutes(
                List.copyOf(HttpRoutes.desired(first, GATEWAY).values()));
        var ingresses = ServedRoute.ofIngresses(
                List.of(Ingresses.desired(first, PlatformSettings.defaults()).orElseThrow()));
        AppStack second = shop("team-b", "second", "/");
        assertThat(ClusterChecks.routeConflicts(second, httpRoutes))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.services[0].routes[0]: host shop.example.com and path / are already served by"
                        + " HTTPRoute team-a/first-web-shop.example.com of another stack");
        assertThat(ClusterChecks.routeConflicts(second, ingresses))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.services[0].routes[0]: host shop.example.com and path / are already served by"
                        + " Ingress team-a/first of another stack");
    }

    @Test
    void aStacksOwnRoutesAndOtherPathsAreNoConflict() {
        AppStack first = shop("team-a", "first", "/");
        List<ServedRoute> served = new ArrayList<>(ServedRoute.ofHttpRoutes(
                List.copyOf(HttpRoutes.desired(first, GATEWAY).values())));
        assertThat(ClusterChecks.routeConflicts(first, served)).isEmpty();
        assertThat(ClusterChecks.routeConflicts(shop("team-b", "second", "/shop"), served))
                .isEmpty();
        assertThat(ClusterChecks.routeConflicts(shop("team-b", "first", "/"), served))
                .as("a stack of the same name in another namespace is another stack")
                .hasSize(1);
    }

    @Test
    void theSignInPagesABrowserProxyAddsUnderAHostAnotherStackServesAreRefusedInBothModes() {
        AppStack first = SignInStacks.shop(SignInStacks.GROUPS, EgressMode.Open);
        AppStack second = SignInStacks.shop(SignInStacks.GROUPS, EgressMode.Open);
        second.getMetadata().setNamespace("team-b");
        List<ServedRoute> ingresses = ServedRoute.ofIngresses(
                List.of(Ingresses.desired(first, PlatformSettings.defaults()).orElseThrow()));
        List<ServedRoute> httpRoutes = ServedRoute.ofHttpRoutes(
                List.copyOf(HttpRoutes.desired(first, GATEWAY).values()));

        assertThat(ClusterChecks.routeConflicts(second, ingresses))
                .extracting(SpecProblem::toString)
                .contains("spec.services[0].auth: host shop.example.com and path /oauth2/web (the sign-in pages of the"
                        + " service's oauth2-proxy) are already served by Ingress ns/shop of another stack");
        assertThat(ClusterChecks.routeConflicts(second, httpRoutes))
                .extracting(SpecProblem::toString)
                .anyMatch(problem -> problem.startsWith(
                        "spec.services[0].auth: host www.example.com and path" + " /oauth2/web (the sign-in pages"));
        assertThat(ClusterChecks.routeConflicts(first, ingresses))
                .as("its own pages")
                .isEmpty();
    }
}
