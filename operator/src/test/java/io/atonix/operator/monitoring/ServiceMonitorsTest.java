package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.ExporterMonitoring;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.operator.appstack.ChildPostgres;
import io.atonix.operator.appstack.ChildRedis;
import io.atonix.operator.appstack.Services;
import io.atonix.operator.appstack.StackMonitoring;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.postgres.PostgresMonitoring;
import io.atonix.operator.postgres.PostgresServices;
import io.atonix.operator.redis.RedisMonitoring;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ServiceMonitors select exactly the Services the operator builds, by labels those Services carry, on a port they expose. */
class ServiceMonitorsTest {
    private static final PlatformSettings PLATFORM = new PlatformSettings(
            null,
            io.atonix.operator.common.NetworkSettings.defaults(),
            MonitoringSettings.parse("release=kube-prometheus-stack, team=platform"));

    @Test
    void aServiceThatDeclaresMetricsGetsAServiceMonitorThatSelectsItsService() {
        AppStack stack = MonitoredStacks.full();
        assertThat(StackMonitoring.serviceMonitor(stack, MonitoredStacks.WEB, PLATFORM))
                .as("no metrics, no ServiceMonitor")
                .isEmpty();

        ServiceMonitor monitor = StackMonitoring.serviceMonitor(stack, MonitoredStacks.API, PLATFORM)
                .orElseThrow();
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        assertThat(monitor.getMetadata().getName()).isEqualTo("shop-api");
        assertThat(monitor.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(monitor.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
        assertThat(monitor.getMetadata().getAnnotations()).containsKey(DesiredHash.ANNOTATION);
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("release", "kube-prometheus-stack")
                .containsEntry("team", "platform")
                .containsAllEntriesOf(Labels.forService("shop", "api"));
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertThat(endpoint.getPort()).isEqualTo("metrics");
        assertThat(endpoint.getPath()).isEqualTo("/prom");
        assertThat(endpoint.getInterval()).isEqualTo("15s");
        assertThat(monitor.getSpec().getTargetLabels()).containsExactly(Labels.STACK, Labels.SERVICE);
        assertSelects(monitor, Services.desired(stack, MonitoredStacks.API).orElseThrow());
    }

    @Test
    void theEndpointIsThePortThatServesTheMetrics() {
        AppStack stack = MonitoredStacks.full();
        for (var expected : Map.of(
                        MonitoredStacks.API,
                        "metrics",
                        MonitoredStacks.WORKER,
                        "http",
                        MonitoredStacks.GATEWAY,
                        "stats")
                .entrySet()) {
            ServiceSpec service = expected.getKey();
            ServiceMonitor monitor =
                    StackMonitoring.serviceMonitor(stack, service, PLATFORM).orElseThrow();
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.getPort()).as(service.name()).isEqualTo(expected.getValue());
                assertThat(e.getPath()).isEqualTo(service.metrics().pathOrDefault());
                assertThat(e.getInterval()).isEqualTo(service.metrics().intervalOrDefault());
            });
            assertSelects(monitor, Services.desired(stack, service).orElseThrow());
        }
    }

    @Test
    void theStacksLabelsAddToTheOperatorsAndNeitherReplacesTheStandardOnes() {
        AppStack stack = MonitoredStacks.full(MonitoredStacks.monitoring(
                null, null, null, Map.of("prometheus", "apps", "team", "shop", Labels.MANAGED_BY, "me"), null));
        ServiceMonitor monitor = StackMonitoring.serviceMonitor(stack, MonitoredStacks.API, PLATFORM)
                .orElseThrow();
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("prometheus", "apps")
                .containsEntry("team", "platform")
                .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
    }

    @Test
    void scrapingOffMeansNoServiceMonitorForServicesOrTheChildPostgres() {
        AppStack stack = MonitoredStacks.full(MonitoredStacks.monitoring(false, null, null, Map.of(), null));
        assertThat(StackMonitoring.serviceMonitor(stack, MonitoredStacks.API, PLATFORM))
                .isEmpty();
        Postgres child = ChildPostgres.desired(stack).orElseThrow();
        assertThat(PostgresMonitoring.serviceMonitor(child, PLATFORM)).isEmpty();
    }

    @Test
    void aPostgresExporterIsScrapedOnItsReadWriteServicesMetricsPort() {
        Postgres postgres = postgres(null);
        ServiceMonitor monitor =
                PostgresMonitoring.serviceMonitor(postgres, PLATFORM).orElseThrow();
        assertThat(monitor.getMetadata().getName()).isEqualTo("orders");
        assertThat(monitor.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Postgres"));
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(monitor.getSpec().getEndpoints())
                .singleElement()
                .satisfies(e -> assertThat(e.getPort()).isEqualTo("metrics"));
        assertSelects(monitor, PostgresServices.primary(postgres));
        Service headless = PostgresServices.headless(postgres);
        assertThat(headless.getSpec().getPorts())
                .as("the headless Service matches too but gives no target: no metrics port")
                .noneMatch(p -> "metrics".equals(p.getName()));

        assertThat(PostgresMonitoring.serviceMonitor(postgres(new ExporterMonitoring(false, null)), PLATFORM))
                .isEmpty();
        assertThat(PostgresMonitoring.serviceMonitor(
                                postgres(new ExporterMonitoring(null, Map.of("prometheus", "db"))), PLATFORM)
                        .orElseThrow()
                        .getMetadata()
                        .getLabels())
                .containsEntry("prometheus", "db");
    }

    @Test
    void theChildPostgresCarriesTheStacksLabelsToItsServiceMonitor() {
        AppStack stack =
                MonitoredStacks.full(MonitoredStacks.monitoring(null, null, null, Map.of("prometheus", "apps"), null));
        Postgres child = ChildPostgres.desired(stack).orElseThrow();
        ServiceMonitor monitor =
                PostgresMonitoring.serviceMonitor(child, PLATFORM).orElseThrow();
        assertThat(monitor.getMetadata().getName()).isEqualTo("shop-postgres");
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("prometheus", "apps")
                .containsEntry(Labels.PART_OF, "shop");
        assertThat(ChildPostgres.desired(MonitoredStacks.full())
                        .orElseThrow()
                        .getSpec()
                        .monitoring())
                .as("a stack with default monitoring leaves the child's default")
                .isNull();
    }

    @Test
    void theChildRedisFollowsTheStacksMonitoringAsTheChildPostgresDoes() {
        AppStack labelled =
                MonitoredStacks.full(MonitoredStacks.monitoring(null, null, null, Map.of("prometheus", "apps"), null));
        Redis child = ChildRedis.desired(labelled).orElseThrow();
        ServiceMonitor monitor = RedisMonitoring.serviceMonitor(child, PLATFORM).orElseThrow();
        assertThat(monitor.getMetadata().getName()).isEqualTo("shop-redis");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("prometheus", "apps");
        AppStack off = MonitoredStacks.full(MonitoredStacks.monitoring(false, null, null, Map.of(), null));
        assertThat(RedisMonitoring.serviceMonitor(ChildRedis.desired(off).orElseThrow(), PLATFORM))
                .as("scraping off in the stack")
                .isEmpty();
    }

    @Test
    void aStandaloneRedisExporterIsScrapedAsItsSpecMonitoringAsks() {
        assertThat(RedisMonitoring.serviceMonitor(redis(null), PLATFORM))
                .as("on by default")
                .isPresent();
        assertThat(RedisMonitoring.serviceMonitor(redis(new ExporterMonitoring(false, null)), PLATFORM))
                .isEmpty();
        assertThat(RedisMonitoring.serviceMonitor(
                                redis(new ExporterMonitoring(null, Map.of("prometheus", "db"))), PLATFORM)
                        .orElseThrow()
                        .getMetadata()
                        .getLabels())
                .containsEntry("prometheus", "db");
    }

    @Test
    void aRedisExporterBuilderSelectsByTheLabelsItIsGiven() {
        HasMetadata redis = new io.atonix.api.v1beta1.redis.Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("cache")
                .withNamespace("shop")
                .withUid("u")
                .build());
        ServiceMonitor monitor = ServiceMonitors.forExporter(
                        redis,
                        ExporterMonitoring.defaults(),
                        Map.of(Labels.NAME, "redis"),
                        Map.of("atonix.io/redis", "cache"),
                        PLATFORM)
                .orElseThrow();
        assertThat(monitor.getMetadata().getName()).isEqualTo("cache");
        assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .containsExactlyEntriesOf(Map.of("atonix.io/redis", "cache"));
        assertThat(monitor.getSpec().getEndpoints())
                .singleElement()
                .satisfies(e -> assertThat(e.getPort()).isEqualTo("metrics"));
    }

    /** The selector's labels are all on the Service, and the endpoint's port is one the Service exposes. */
    static void assertSelects(ServiceMonitor monitor, Service service) {
        assertThat(service.getMetadata().getLabels())
                .as("labels of Service %s", service.getMetadata().getName())
                .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getMetadata().getNamespace())
                .isEqualTo(service.getMetadata().getNamespace());
        List<String> ports =
                service.getSpec().getPorts().stream().map(p -> p.getName()).toList();
        assertThat(ports).contains(monitor.getSpec().getEndpoints().get(0).getPort());
    }

    private static Postgres postgres(ExporterMonitoring monitoring) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace("db")
                .withUid("uid-orders")
                .build());
        postgres.setSpec(new PostgresSpec(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                monitoring,
                null,
                null));
        return postgres;
    }

    private static Redis redis(ExporterMonitoring monitoring) {
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("cache")
                .withNamespace("shop")
                .withUid("uid-cache")
                .build());
        redis.setSpec(new RedisSpec(
                "7.2",
                new io.fabric8.kubernetes.api.model.Quantity("64Mi"),
                null,
                null,
                null,
                null,
                null,
                monitoring,
                null));
        return redis;
    }
}
