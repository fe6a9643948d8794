package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.http;
import static io.atonix.operator.appstack.TestStacks.https;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.HostTls;
import io.atonix.api.v1beta1.appstack.IngressSpec;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack's one Ingress: the services' routes under the stack's hosts, each host with one TLS setting. */
class IngressesTest {
    private static final PlatformSettings NGINX =
            new PlatformSettings("nginx", NetworkSettings.defaults(), MonitoringSettings.defaults());

    /** Two services share shop.example.com; api is also on api.example.com, which is plain HTTP. */
    private static final AppStack SHOP = stack(
            "ns",
            "shop",
            List.of(https("shop.example.com"), http("api.example.com")),
            withRoutes(service("web", "nginx", 8080), route("shop.example.com", "/")),
            withRoutes(
                    service("api", "acme/api", 5000),
                    new Route("shop.example.com", "/api", PathType.Prefix),
                    new Route("api.example.com", "/v1", PathType.Exact)));

    @Test
    void oneIngressCarriesEveryServicesRoutesUnderItsHost() {
        var ingress = Ingresses.desired(SHOP, NGINX).orElseThrow();
        assertThat(ingress.getMetadata().getName()).isEqualTo("shop");
        assertThat(ingress.getMetadata().getLabels())
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.NAME, Ingresses.NAME_LABEL);
        assertThat(ingress.getSpec().getRules())
                .extracting(rule -> rule.getHost() + " " + paths(rule.getHttp().getPaths()))
                .containsExactly(
                        "shop.example.com [/ Prefix shop-web:http, /api Prefix shop-api:http]",
                        "api.example.com [/v1 Exact shop-api:http]");
    }

    @Test
    void anHttpsHostHasOneTlsEntryWithTheSecretTheStackOwnsAndAPlainHostNone() {
        var ingress = Ingresses.desired(SHOP, NGINX).orElseThrow();
        assertThat(ingress.getSpec().getTls())
                .singleElement()
                .extracting(IngressTLS::getHosts, IngressTLS::getSecretName)
                .containsExactly(List.of("shop.example.com"), "shop-shop.example.com-tls");
    }

    @Test
    void aNamedSecretHoldsTheCertificateAndAWildcardsDefaultSecretSpellsItOut() {
        AppStack stack = stack(
                "ns",
                "shop",
                List.of(new HostSpec("shop.example.com", new HostTls("shop-cert")), https("*.example.com")),
                withRoutes(service("web", "nginx", 8080), route("shop.example.com", "/"), route("*.example.com", "/")));
        assertThat(Ingresses.desired(stack, NGINX).orElseThrow().getSpec().getTls())
                .extracting(IngressTLS::getSecretName)
                .containsExactly("shop-cert", "shop-wildcard.example.com-tls");
    }

    @Test
    void everyUrlOfAHostHasTheHostsScheme() {
        AppStackSpec spec = SHOP.getSpec();
        assertThat(Ingresses.urls(spec, spec.services().get(0))).containsExactly("https://shop.example.com/");
        assertThat(Ingresses.urls(spec, spec.services().get(1)))
                .containsExactly("https://shop.example.com/api", "http://api.example.com/v1");
    }

    @Test
    void theStacksIngressSettingsWinOverThePlatformsClass() {
        var ingress = Ingresses.desired(withSettings(new IngressSpec("public", Map.of("a/b", "c"))), NGINX)
                .orElseThrow();
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("public");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsOnlyKeys("a/b", DesiredHash.ANNOTATION)
                .containsEntry("a/b", "c");
        var defaults = Ingresses.desired(SHOP, NGINX).orElseThrow();
        assertThat(defaults.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(defaults.getMetadata().getAnnotations()).containsOnlyKeys(DesiredHash.ANNOTATION);
    }

    @Test
    void aStackWithoutRoutesHasNoIngressEvenWithHosts() {
        assertThat(Ingresses.desired(
                        stack("ns", "shop", List.of(https("shop.example.com")), service("web", "nginx", 80)), NGINX))
                .isEmpty();
    }

    private static AppStack withSettings(IngressSpec settings) {
        AppStackSpec spec = SHOP.getSpec();
        return stack(
                "ns",
                "shop",
                new AppStackSpec(spec.services(), null, null, null, null, null, null, null, spec.hosts(), settings));
    }

    private static List<String> paths(List<HTTPIngressPath> paths) {
        return paths.stream()
                .map(p -> p.getPath() + " " + p.getPathType() + " "
                        + p.getBackend().getService().getName() + ":"
                        + p.getBackend().getService().getPort().getName())
                .toList();
    }
}
