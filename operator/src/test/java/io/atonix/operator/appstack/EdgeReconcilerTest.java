package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.issued;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.IssuerKind;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Updates;
import io.atonix.operator.edge.Certificate;
import io.atonix.operator.edge.CertificateStatus;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge against the mock API server of a cluster that runs cert-manager and the Gateway API, with the operator in
 * Gateway mode: the tests play cert-manager's and the Gateway controller's part by writing the status they report.
 */
@QuarkusTest
@TestProfile(GatewayMode.class)
@WithKubernetesTestServer(crud = true, setup = EdgeCrdsInMockServer.class)
class EdgeReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    MockApiServer mock;

    @BeforeEach
    void harness() {
        mock = new MockApiServer(client, server, meters);
    }

    @Test
    void aHostWithAnIssuerGetsACertificateWhoseReadinessHoldsTheStackBack() {
        create(stack(
                "certs",
                "shop",
                List.of(issued("certs.example.com", "letsencrypt", IssuerKind.ClusterIssuer)),
                withRoutes(service("web", "nginx", 8080), route("certs.example.com", "/"))));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(certificate("certs", "shop-certs.example.com"))
                        .as("the Certificate, with the stack's status "
                                + get("certs", "shop").getStatus())
                        .isNotNull());
        Certificate certificate = certificate("certs", "shop-certs.example.com");
        assertThat(certificate.getSpec().secretName()).isEqualTo("shop-certs.example.com-tls");
        assertThat(certificate.getSpec().issuerRef().kind()).isEqualTo("ClusterIssuer");
        assertThat(certificate.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
        mock.markAvailable("certs", "shop-web");
        accept("certs", "shop-web-certs.example.com");

        reportCertificate("certs", "shop-certs.example.com", "False", "Failed", "ClusterIssuer letsencrypt not found");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("certs", "shop");
            assertThat(component(stack, CertificatesStatus.COMPONENT)).satisfies(c -> {
                assertThat(c.holds()).isFalse();
                assertThat(c.reason()).isEqualTo(CertificatesStatus.REASON_NOT_READY);
                assertThat(c.message()).contains("Failed: ClusterIssuer letsencrypt not found");
            });
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("False");
        });

        reportCertificate("certs", "shop-certs.example.com", "True", "Ready", "Certificate is up to date");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("certs", "shop");
            assertThat(component(stack, CertificatesStatus.COMPONENT).holds()).isTrue();
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
        });

        // The host now takes its certificate from a Secret the team provides: the Certificate goes.
        Updates.change(
                client,
                AppStack.class,
                "certs",
                "shop",
                s -> s.setSpec(withHosts(s.getSpec(), List.of(TestStacks.https("certs.example.com")))));
        await().atMost(TIMEOUT).until(() -> certificate("certs", "shop-certs.example.com") == null);
    }

    @Test
    void inGatewayModeEachExposedServiceGetsAnHttpRouteWhoseAcceptanceTheStackReports() {
        create(stack(
                "gateway",
                "shop",
                List.of(TestStacks.https("shop.example.com")),
                withRoutes(service("web", "nginx", 8080), route("shop.example.com", "/")),
                service("internal", "acme/internal", 9000)));
        await().atMost(TIMEOUT).until(() -> httpRoute("gateway", "shop-web-shop.example.com") != null);
        HTTPRoute route = httpRoute("gateway", "shop-web-shop.example.com");
        assertThat(route.getSpec().getParentRefs())
                .singleElement()
                .satisfies(p -> assertThat(p.getNamespace() + "/" + p.getName()).isEqualTo("edge/public"));
        assertThat(client.resources(HTTPRoute.class)
                        .inNamespace("gateway")
                        .list()
                        .getItems())
                .as("a service without routes has none")
                .hasSize(1);
        assertThat(client.network()
                        .v1()
                        .ingresses()
                        .inNamespace("gateway")
                        .list()
                        .getItems())
                .as("no Ingress in Gateway mode")
                .isEmpty();
        mock.markAvailable("gateway", "shop-web");
        mock.markAvailable("gateway", "shop-internal");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(component(get("gateway", "shop"), RoutesStatus.COMPONENT))
                        .satisfies(c -> {
                            assertThat(c.status()).isEqualTo(ComponentStatus.UNKNOWN);
                            assertThat(c.reason()).isEqualTo(RoutesStatus.REASON_PENDING);
                        }));

        reportRoute("gateway", "shop-web-shop.example.com", "False", "NotAllowedByListeners", "True");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("gateway", "shop");
            assertThat(component(stack, RoutesStatus.COMPONENT)).satisfies(c -> {
                assertThat(c.reason()).isEqualTo(RoutesStatus.REASON_NOT_ACCEPTED);
                assertThat(c.message()).contains("NotAllowedByListeners");
            });
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("False");
        });

        accept("gateway", "shop-web-shop.example.com");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("gateway", "shop");
            assertThat(component(stack, RoutesStatus.COMPONENT).reason()).isEqualTo(RoutesStatus.REASON_ACCEPTED);
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
        });
        mock.awaitNoWrites();
    }

    @Test
    void aRouteAnotherStacksHttpRouteServesIsAConflict() {
        var hosts = List.of(TestStacks.http("same.example.com"));
        create(stack(
                "conflict", "first", hosts, withRoutes(service("web", "nginx", 8080), route("same.example.com", "/"))));
        await().atMost(TIMEOUT).until(() -> httpRoute("conflict", "first-web-same.example.com") != null);
        create(stack(
                "conflict",
                "second",
                hosts,
                withRoutes(service("web", "nginx", 8080), route("same.example.com", "/"))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("conflict", "second"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message())
                    .contains("already served by HTTPRoute conflict/first-web-same.example.com of another stack");
        });
        assertThat(httpRoute("conflict", "second-web-same.example.com")).isNull();
    }

    private void reportCertificate(String namespace, String name, String status, String reason, String message) {
        Certificate certificate = certificate(namespace, name);
        certificate.setStatus(new CertificateStatus(
                List.of(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus(status)
                        .withReason(reason)
                        .withMessage(message)
                        .withObservedGeneration(certificate.getMetadata().getGeneration())
                        .build()),
                null));
        client.resource(certificate).updateStatus();
    }

    private void accept(String namespace, String name) {
        reportRoute(namespace, name, "True", "Accepted", "True");
    }

    /** Plays the Gateway's controller: its Accepted and ResolvedRefs conditions for the platform's Gateway. */
    private void reportRoute(String namespace, String name, String accepted, String reason, String resolved) {
        HTTPRoute route = httpRoute(namespace, name);
        Long generation = route.getMetadata().getGeneration();
        route.setStatus(new HTTPRouteStatusBuilder()
                .addNewParent()
                .withControllerName("example.com/gateway-controller")
                .withParentRef(HttpRoutes.parent(new io.atonix.operator.common.EdgeSettings.GatewayRef(
                        GatewayMode.GATEWAY_NAMESPACE, GatewayMode.GATEWAY_NAME, null)))
                .withConditions(
                        gatewayCondition("Accepted", accepted, reason, generation),
                        gatewayCondition("ResolvedRefs", resolved, "ResolvedRefs", generation))
                .endParent()
                .build());
        client.resource(route).updateStatus();
    }

    private static io.fabric8.kubernetes.api.model.Condition gatewayCondition(
            String type, String status, String reason, Long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage("")
                .withObservedGeneration(generation)
                .withLastTransitionTime("2026-12-02T18:00:00Z")
                .build();
    }

    private static AppStackSpec withHosts(AppStackSpec spec, List<io.atonix.api.v1beta1.appstack.HostSpec> hosts) {
        return new AppStackSpec(
                spec.services(),
                spec.postgres(),
                spec.redis(),
                spec.kafka(),
                spec.monitoring(),
                spec.networkPolicy(),
                spec.deletionPolicy(),
                spec.imagePullSecrets(),
                hosts,
                spec.ingress());
    }

    private Certificate certificate(String namespace, String name) {
        return client.resources(Certificate.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private HTTPRoute httpRoute(String namespace, String name) {
        return client.resources(HTTPRoute.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private AppStack create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        return client.resource(stack).create();
    }

    private AppStack get(String namespace, String name) {
        return client.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static ComponentStatus component(AppStack stack, String component) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> c.component().equals(component))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + component + " in " + stack.getStatus()));
    }

    private static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
