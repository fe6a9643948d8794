package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.issued;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.IssuerKind;
import io.atonix.operator.testing.MockApiServer;
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
import org.junit.jupiter.api.Test;

/**
 * Gateway mode on a cluster without cert-manager and without the Gateway API: each missing part is a component that
 * says so, and the rest of the stack reconciles.
 */
@QuarkusTest
@TestProfile(GatewayMode.class)
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class EdgeWithoutCrdsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    @Test
    void withoutCertManagerAndTheGatewayApiTheirComponentsSaySoAndTheRestReconciles() {
        AppStack stack = stack(
                "bare",
                "shop",
                List.of(issued("shop.example.com", "letsencrypt", IssuerKind.ClusterIssuer)),
                withRoutes(service("web", "nginx", 8080), route("shop.example.com", "/")));
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("bare")
                                .withName("shop-web")
                                .get()
                        != null);
        new MockApiServer(client, server, meters).markAvailable("bare", "shop-web");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stored = client.resources(AppStack.class)
                    .inNamespace("bare")
                    .withName("shop")
                    .get();
            assertThat(stored.getStatus()).isNotNull();
            assertThat(stored.getStatus().components())
                    .filteredOn(c -> !c.component().equals("Monitoring"))
                    .extracting(ComponentStatus::component, ComponentStatus::status, ComponentStatus::reason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.api.Assertions.tuple(
                                    CertificatesStatus.COMPONENT, "False", CertificatesStatus.REASON_NOT_INSTALLED),
                            org.assertj.core.api.Assertions.tuple(
                                    RoutesStatus.COMPONENT, "False", RoutesStatus.REASON_NOT_INSTALLED));
            assertThat(stored.getStatus().services())
                    .singleElement()
                    .satisfies(s -> assertThat(s.ready()).isTrue());
        });
        assertThat(client.network().v1().ingresses().inNamespace("bare").list().getItems())
                .as("Gateway mode writes no Ingress, also without the Gateway API")
                .isEmpty();
        assertThat(client.services().inNamespace("bare").withName("shop-web").get())
                .isNotNull();
    }
}
