package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.SignInStacks.GROUPS;
import static io.atonix.operator.appstack.SignInStacks.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge of services that sign in: their routes lead to their oauth2-proxy, and only the proxy reaches them. */
class SignInEdgeTest {
    private static final AppStack SHOP = shop(GROUPS, EgressMode.Open);
    private static final PlatformSettings GATEWAY = PlatformSettings.defaults()
            .withEdge(EdgeSettings.gateway(new EdgeSettings.GatewayRef("edge", "public", null)));

    private static List<String> paths(Ingress ingress, String host) {
        return ingress.getSpec().getRules().stream()
                .filter(r -> r.getHost().equals(host))
                .flatMap(r -> r.getHttp().getPaths().stream())
                .map(SignInEdgeTest::describe)
                .toList();
    }

    private static String describe(HTTPIngressPath path) {
        return path.getPath() + " " + path.getPathType() + " -> "
                + path.getBackend().getService().getName() + ":"
                + path.getBackend().getService().getPort().getName();
    }

    @Test
    void theIngressSendsProtectedRoutesAndTheBrowserProxysPagesToTheProxy() {
        Ingress ingress = Ingresses.desired(SHOP, PlatformSettings.defaults()).orElseThrow();
        assertThat(paths(ingress, "shop.example.com"))
                .containsExactly(
                        "/ Prefix -> shop-web-auth:http",
                        "/oauth2/web Prefix -> shop-web-auth:http",
                        "/api Prefix -> shop-api-auth:http",
                        "/docs Prefix -> shop-docs:http");
        assertThat(paths(ingress, "www.example.com"))
                .containsExactly("/ Prefix -> shop-web-auth:http", "/oauth2/web Prefix -> shop-web-auth:http");
    }

    @Test
    void httpRoutesSendProtectedRoutesToTheProxysPortAndUnprotectedOnesToTheService() {
        Map<String, HTTPRoute> routes = HttpRoutes.desired(SHOP, GATEWAY);
        HTTPRoute web = routes.get("web shop.example.com");
        assertThat(web.getSpec().getRules().get(0).getMatches())
                .extracting(m -> m.getPath().getType() + " " + m.getPath().getValue())
                .containsExactly("PathPrefix /", "PathPrefix /oauth2/web");
        assertThat(web.getSpec().getRules().get(0).getBackendRefs())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.getName()).isEqualTo("shop-web-auth");
                    assertThat(b.getPort()).isEqualTo(4180);
                });
        HTTPRoute api = routes.get("api shop.example.com");
        assertThat(api.getSpec().getRules().get(0).getMatches())
                .extracting(m -> m.getPath().getValue())
                .containsExactly("/api");
        assertThat(api.getSpec().getRules().get(0).getBackendRefs().get(0).getName())
                .isEqualTo("shop-api-auth");
        HTTPRoute docs = routes.get("docs shop.example.com");
        assertThat(docs.getSpec().getRules().get(0).getBackendRefs().get(0).getName())
                .isEqualTo("shop-docs");
        assertThat(docs.getSpec().getRules().get(0).getBackendRefs().get(0).getPort())
                .isEqualTo(8000);
    }

    @Test
    void aProtectedServiceAdmitsTheProxyInsteadOfTheEdgeAndTheProxyAdmitsTheEdge() {
        NetworkSettings network = NetworkSettings.defaults();
        Map<String, NetworkPolicy> policies = NetworkPolicies.desired(SHOP, network);
        NetworkPolicy web = policies.get("shop-web");
        assertThat(web.getSpec().getIngress())
                .noneMatch(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null));
        assertThat(web.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getFrom())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .containsExactlyEntriesOf(Labels.authProxySelector("shop", "web")));
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
        });
        NetworkPolicy docs = policies.get("shop-docs");
        assertThat(docs.getSpec().getIngress())
                .anySatisfy(rule -> assertThat(rule.getFrom())
                        .anySatisfy(
                                peer -> assertThat(peer.getNamespaceSelector()).isNotNull()));
        NetworkPolicy proxy = policies.get("shop-web-auth");
        assertThat(proxy.getSpec().getPodSelector().getMatchLabels())
                .containsExactlyEntriesOf(Labels.authProxySelector("shop", "web"));
        assertThat(proxy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", network.ingressNamespace()));
            assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(4180);
        });
        assertThat(proxy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    }

    @Test
    void underDeclaredOnlyTheProxyReachesDnsItsServiceAndHttpsWhereTheIssuerIs() {
        NetworkPolicy proxy = NetworkPolicies.desired(shop(GROUPS, EgressMode.DeclaredOnly), NetworkSettings.defaults())
                .get("shop-api-auth");
        assertThat(proxy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(proxy.getSpec().getEgress()).hasSize(3);
        assertThat(proxy.getSpec()
                        .getEgress()
                        .get(1)
                        .getTo()
                        .get(0)
                        .getPodSelector()
                        .getMatchLabels())
                .containsExactlyEntriesOf(Labels.serviceSelector("shop", "api"));
        assertThat(proxy.getSpec()
                        .getEgress()
                        .get(1)
                        .getPorts()
                        .get(0)
                        .getPort()
                        .getIntVal())
                .isEqualTo(5000);
        assertThat(proxy.getSpec().getEgress().get(2).getTo())
                .extracting(peer -> peer.getIpBlock().getCidr())
                .containsExactly("0.0.0.0/0", "::/0");
        assertThat(proxy.getSpec()
                        .getEgress()
                        .get(2)
                        .getPorts()
                        .get(0)
                        .getPort()
                        .getIntVal())
                .isEqualTo(443);
    }
}
