package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.http;
import static io.atonix.operator.appstack.TestStacks.https;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In Gateway mode: an HTTPRoute per service and host, attached to the platform's Gateway, and what it reports. */
class HttpRoutesTest {
    private static final PlatformSettings GATEWAY = PlatformSettings.defaults()
            .withEdge(EdgeSettings.gateway(new EdgeSettings.GatewayRef("edge", "public", "https")));

    /** web serves / of shop.example.com; api serves /api there and /v1 (exactly) of api.example.com. */
    private static final AppStack SHOP = stack(
            "ns",
            "shop",
            List.of(https("shop.example.com"), http("api.example.com")),
            withRoutes(service("web", "nginx", 8080), route("shop.example.com", "/")),
            withRoutes(
                    service("api", "acme/api", 5000),
                    new Route("shop.example.com", "/api", PathType.Prefix),
                    new Route("api.example.com", "/v1", PathType.Exact)),
            service("worker", "acme/worker", 9000));

    @Test
    void eachServiceGetsARoutePerHostItServesAttachedToThePlatformsGateway() {
        Map<String, HTTPRoute> routes = HttpRoutes.desired(SHOP, GATEWAY);
        assertThat(routes).containsOnlyKeys("web shop.example.com", "api shop.example.com", "api api.example.com");
        HTTPRoute api = routes.get("api api.example.com");
        assertThat(api.getMetadata().getName()).isEqualTo("shop-api-api.example.com");
        assertThat(api.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(api.getMetadata().getLabels())
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.SERVICE, "api");
        assertThat(api.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("shop"));
        assertThat(api.getSpec().getParentRefs()).singleElement().satisfies(parent -> {
            assertThat(parent.getGroup()).isEqualTo("gateway.networking.k8s.io");
            assertThat(parent.getKind()).isEqualTo("Gateway");
            assertThat(parent.getNamespace()).isEqualTo("edge");
            assertThat(parent.getName()).isEqualTo("public");
            assertThat(parent.getSectionName()).isEqualTo("https");
        });
        assertThat(api.getSpec().getHostnames()).containsExactly("api.example.com");
        assertThat(api.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getMatches()).extracting(HttpRoutesTest::match).containsExactly("Exact /v1");
            assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
                assertThat(backend.getKind()).isEqualTo("Service");
                assertThat(backend.getName()).isEqualTo("shop-api");
                assertThat(backend.getPort()).isEqualTo(5000);
            });
        });
        assertThat(routes.get("api shop.example.com")
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getMatches())
                .extracting(HttpRoutesTest::match)
                .containsExactly("PathPrefix /api");
    }

    @Test
    void inGatewayModeTheStackHasNoIngressAndInIngressModeNoRoutes() {
        assertThat(Ingresses.desired(SHOP, GATEWAY)).isEmpty();
        assertThat(HttpRoutes.desired(SHOP, PlatformSettings.defaults())).isEmpty();
        assertThat(AppStackResources.desired(SHOP, GATEWAY, BindingChecksums.placeholder()))
                .extracting(o -> o.getKind())
                .contains("HTTPRoute")
                .doesNotContain("Ingress");
    }

    @Test
    void aListenerIsNamedOnlyWhenTheSettingNamesOne() {
        PlatformSettings anyListener = PlatformSettings.defaults()
                .withEdge(EdgeSettings.gateway(EdgeSettings.GatewayRef.parse("edge/public")));
        assertThat(HttpRoutes.desired(SHOP, anyListener)
                        .get("web shop.example.com")
                        .getSpec()
                        .getParentRefs())
                .singleElement()
                .satisfies(parent -> assertThat(parent.getSectionName()).isNull());
    }

    @Test
    void everyRouteAcceptedWithItsReferencesResolvedMakesTheComponentReady() {
        ComponentStatus routes =
                RoutesStatus.of(SHOP, GATEWAY, stored("True", "True"), true).orElseThrow();
        assertThat(routes.holds()).isTrue();
        assertThat(routes.reason()).isEqualTo(RoutesStatus.REASON_ACCEPTED);
        assertThat(routes.name()).isEqualTo("edge/public");
    }

    @Test
    void aRouteTheGatewayDoesNotAcceptHoldsTheStackBackWithTheGatewaysReason() {
        Map<String, HTTPRoute> stored = stored("True", "True");
        report(
                stored.get("api api.example.com"),
                "public",
                "https",
                condition("Accepted", "False", "NotAllowedByListeners", "no listener admits namespace ns"),
                condition("ResolvedRefs", "True", "ResolvedRefs", ""));
        ComponentStatus routes = RoutesStatus.of(SHOP, GATEWAY, stored, true).orElseThrow();
        assertThat(routes.holds()).isFalse();
        assertThat(routes.reason()).isEqualTo(RoutesStatus.REASON_NOT_ACCEPTED);
        assertThat(routes.message())
                .isEqualTo(
                        "HTTPRoute shop-api-api.example.com: NotAllowedByListeners: no listener admits namespace ns");
    }

    @Test
    void aRouteWhoseBackendDoesNotResolveHoldsTheStackBack() {
        ComponentStatus routes =
                RoutesStatus.of(SHOP, GATEWAY, stored("True", "False"), true).orElseThrow();
        assertThat(routes.holds()).isFalse();
        assertThat(routes.reason()).isEqualTo(RoutesStatus.REASON_REFS_NOT_RESOLVED);
        assertThat(routes.message()).contains("HTTPRoute shop-web-shop.example.com: BackendNotFound: no such Service");
    }

    @Test
    void whatAnotherGatewayOrAnOlderGenerationSaysIsNotAnAnswer() {
        Map<String, HTTPRoute> stored = stored("True", "True");
        HTTPRoute web = stored.get("web shop.example.com");
        web.setStatus(null);
        report(
                web,
                "other",
                "https",
                condition("Accepted", "True", "Accepted", ""),
                condition("ResolvedRefs", "True", "ResolvedRefs", ""));
        HTTPRoute api = stored.get("api shop.example.com");
        api.getMetadata().setGeneration(2L);
        stored.remove("api api.example.com");
        ComponentStatus routes = RoutesStatus.of(SHOP, GATEWAY, stored, true).orElseThrow();
        assertThat(routes.status()).isEqualTo(ComponentStatus.UNKNOWN);
        assertThat(routes.reason()).isEqualTo(RoutesStatus.REASON_PENDING);
        assertThat(routes.message())
                .contains("HTTPRoute shop-web-shop.example.com: Gateway edge/public (listener https) has not reported")
                .contains("HTTPRoute shop-api-shop.example.com: Gateway edge/public (listener https) has not reported")
                .contains("HTTPRoute shop-api-api.example.com: not created yet");
    }

    @Test
    void withoutTheGatewayApiInGatewayModeTheComponentSaysSo() {
        ComponentStatus routes = RoutesStatus.of(SHOP, GATEWAY, Map.of(), false).orElseThrow();
        assertThat(routes.holds()).isFalse();
        assertThat(routes.reason()).isEqualTo(RoutesStatus.REASON_NOT_INSTALLED);
        assertThat(RoutesStatus.of(SHOP, PlatformSettings.defaults(), Map.of(), false))
                .as("Ingress mode has no Routes component")
                .isEmpty();
    }

    @Test
    void aRouteNameTooLongForAnObjectKeepsItsStartAndEndsInAHash() {
        String host = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + ".example.com";
        String name = io.atonix.operator.common.Names.httpRoute("s".repeat(30), "w".repeat(30), host);
        assertThat(name).hasSizeLessThanOrEqualTo(253).startsWith("s".repeat(30) + "-" + "w".repeat(30) + "-aaa");
        assertThat(name).matches("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
        assertThat(io.atonix.operator.common.Names.httpRoute("s".repeat(30), "w".repeat(30), host.replace('c', 'd')))
                .isNotEqualTo(name);
    }

    @Test
    void inGatewayModeAPathAnHttpRouteRefusesIsRefusedAtItsRoute() {
        AppStack odd = stack(
                "ns",
                "shop",
                List.of(http("shop.example.com")),
                withRoutes(
                        service("web", "nginx", 8080),
                        route("shop.example.com", "/ok/v1.2/~me"),
                        route("shop.example.com", "/a//b"),
                        route("shop.example.com", "/files/%2Fetc"),
                        route("shop.example.com", "/up/.."),
                        route("shop.example.com", "/say\"hi\"")));
        assertThat(GatewayPaths.validate(odd.getSpec(), GATEWAY))
                .extracting(io.atonix.operator.common.SpecProblem::toString)
                .containsExactly(
                        "spec.services[0].routes[1].path: the operator writes HTTPRoutes (Gateway mode), whose path must not contain '//'",
                        "spec.services[0].routes[2].path: the operator writes HTTPRoutes (Gateway mode), whose path must not contain '%2F'",
                        "spec.services[0].routes[3].path: the operator writes HTTPRoutes (Gateway mode), whose path must not end with '/..'",
                        "spec.services[0].routes[4].path: the operator writes HTTPRoutes (Gateway mode), whose path must only contain letters, digits, -/._~!$&'()*+,;=:@ and %-encoded octets");
        assertThat(GatewayPaths.validate(odd.getSpec(), PlatformSettings.defaults()))
                .as("an Ingress takes them")
                .isEmpty();
    }

    /** The desired routes as stored, each reported on by the Gateway with these Accepted and ResolvedRefs statuses. */
    private static Map<String, HTTPRoute> stored(String accepted, String resolved) {
        Map<String, HTTPRoute> stored = new LinkedHashMap<>(HttpRoutes.desired(SHOP, GATEWAY));
        stored.values().forEach(route -> {
            route.getMetadata().setGeneration(1L);
            report(
                    route,
                    "public",
                    "https",
                    condition("Accepted", accepted, accepted.equals("True") ? "Accepted" : "NotAllowedByListeners", ""),
                    condition(
                            "ResolvedRefs",
                            resolved,
                            resolved.equals("True") ? "ResolvedRefs" : "BackendNotFound",
                            resolved.equals("True") ? "" : "no such Service"));
        });
        return stored;
    }

    private static void report(HTTPRoute route, String gateway, String section, Condition... conditions) {
        route.setStatus(new HTTPRouteStatusBuilder()
                .addToParents(new RouteParentStatusBuilder()
                        .withControllerName("example.com/gateway")
                        .withNewParentRef()
                        .withGroup("gateway.networking.k8s.io")
                        .withKind("Gateway")
                        .withNamespace("edge")
                        .withName(gateway)
                        .withSectionName(section)
                        .endParentRef()
                        .withConditions(conditions)
                        .build())
                .build());
    }

    private static Condition condition(String type, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(1L)
                .build();
    }

    private static String match(HTTPRouteMatch match) {
        return match.getPath().getType() + " " + match.getPath().getValue();
    }
}
