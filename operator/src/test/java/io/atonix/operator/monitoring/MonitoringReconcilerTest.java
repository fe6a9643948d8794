package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.operator.appstack.MonitoringStatus;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Updates;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitoring dependents against the mock API server of a cluster that runs the Prometheus Operator (its CRDs are
 * registered): what appears, what follows the spec, and that an unchanged stack costs no write. The other side,
 * a cluster without those CRDs, is AppStackReconcilerTest's.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = MonitoringCrdsInMockServer.class)
class MonitoringReconcilerTest {
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
    void scrapingAndAlertsFollowTheSpecAndTheStatusLinksTheSharedDashboard() {
        ServiceSpec web = TestStacks.service("web", "nginx:1.27", 8080);
        ServiceSpec api =
                TestStacks.withMetrics(TestStacks.service("api", "acme/api:1", 5000), new Metrics("/prom", 9100, null));
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("5Gi"), List.of(new DatabaseSpec("shop", List.of())), null, null, null, null);
        create(TestStacks.stack(
                "mon",
                "shop",
                TestStacks.spec(
                        List.of(web, api),
                        postgres,
                        null,
                        null,
                        new MonitoringSpec(null, null, null, Map.of("prometheus", "apps"), null),
                        null,
                        null)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(monitor("mon", "shop-api")).isNotNull();
            assertThat(rule("mon", "shop-alerts")).isNotNull();
            assertThat(monitor("mon", "shop-postgres"))
                    .as("the Postgres controller's exporter ServiceMonitor")
                    .isNotNull();
        });
        assertThat(monitor("mon", "shop-web")).as("web declares no metrics").isNull();
        ServiceMonitor apiMonitor = monitor("mon", "shop-api");
        assertThat(apiMonitor.getMetadata().getLabels()).containsEntry("prometheus", "apps");
        Service apiService =
                client.services().inNamespace("mon").withName("shop-api").get();
        assertThat(apiService.getMetadata().getLabels())
                .containsAllEntriesOf(apiMonitor.getSpec().getSelector().getMatchLabels());
        assertThat(apiService.getSpec().getPorts())
                .anyMatch(p -> p.getName()
                        .equals(apiMonitor.getSpec().getEndpoints().get(0).getPort()));
        assertThat(monitor("mon", "shop-postgres").getMetadata().getLabels())
                .as("the stack's labels reach the child's ServiceMonitor")
                .containsEntry("prometheus", "apps");
        assertThat(client.configMaps()
                        .inNamespace("mon")
                        .withName("shop-dashboard")
                        .get())
                .as("the chart ships one dashboard for every stack")
                .isNull();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(monitoringComponent("mon", "shop"))
                        .satisfies(c -> {
                            assertThat(c.holds()).isTrue();
                            assertThat(c.reason()).isEqualTo(MonitoringStatus.REASON_ACTIVE);
                            assertThat(c.message())
                                    .isEqualTo("Grafana dashboard: /d/atonix-stacks?var-namespace=mon&var-stack=shop");
                        }));

        // api stops serving metrics and alerts are turned off: its ServiceMonitor and the rule go.
        ServiceSpec plainApi = TestStacks.withMetrics(api, null);
        Updates.change(
                client,
                AppStack.class,
                "mon",
                "shop",
                s -> s.setSpec(TestStacks.spec(
                        List.of(web, plainApi),
                        postgres,
                        null,
                        null,
                        new MonitoringSpec(null, false, null, Map.of("prometheus", "apps"), null),
                        null,
                        null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(monitor("mon", "shop-api")).isNull();
            assertThat(rule("mon", "shop-alerts")).isNull();
        });
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(
                                client.v1().events().inNamespace("mon").list().getItems())
                        .anySatisfy(e -> assertThat(e.getReason() + ": " + e.getMessage())
                                .startsWith("Deleted: Deleted ")
                                .contains("PrometheusRule shop-alerts")));

        // Scraping off: the child Postgres' exporter goes unscraped too; all off: no Monitoring component.
        Updates.change(
                client,
                AppStack.class,
                "mon",
                "shop",
                s -> s.setSpec(TestStacks.spec(
                        List.of(web, plainApi),
                        postgres,
                        null,
                        null,
                        new MonitoringSpec(false, false, false, Map.of(), null),
                        null,
                        null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(monitor("mon", "shop-postgres")).isNull();
            assertThat(get("mon", "shop").getStatus().components())
                    .noneMatch(c -> c.component().equals(MonitoringStatus.COMPONENT));
        });
    }

    @Test
    void anUnchangedMonitoredStackMakesNoWrites() throws Exception {
        ServiceSpec api = TestStacks.withMetrics(
                TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 1),
                new Metrics(null, null, null));
        create(TestStacks.stack("monsteady", "shop", api));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("monsteady")
                                .withName("shop-api")
                                .get()
                        != null);
        mock.markAvailable("monsteady", "shop-api");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(monitor("monsteady", "shop-api")).isNotNull();
            assertThat(rule("monsteady", "shop-alerts")).isNotNull();
            assertThat(get("monsteady", "shop").getStatus().conditions()).anySatisfy(c -> {
                assertThat(c.type()).isEqualTo("Ready");
                assertThat(c.status()).isEqualTo("True");
            });
        });

        mock.awaitNoWrites();
        double before = mock.reconciliations();
        mock.markProgressed("monsteady", "shop-api");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request : mock.drainRequests()) {
            if (!"GET".equals(request.getMethod()) && !request.getPath().contains("/deployments/shop-api/status")) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged monitored stack")
                .isEmpty();
        assertThat(monitor("monsteady", "shop-api").getMetadata().getLabels()).containsEntry(Labels.SERVICE, "api");
    }

    private ComponentStatus monitoringComponent(String namespace, String name) {
        AppStack stack = get(namespace, name);
        assertThat(stack.getStatus()).as("status of " + name).isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> c.component().equals(MonitoringStatus.COMPONENT))
                .findFirst()
                .orElseThrow();
    }

    private ServiceMonitor monitor(String namespace, String name) {
        return client.resources(ServiceMonitor.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private PrometheusRule rule(String namespace, String name) {
        return client.resources(PrometheusRule.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private void create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();
    }

    private AppStack get(String namespace, String name) {
        return client.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }
}
