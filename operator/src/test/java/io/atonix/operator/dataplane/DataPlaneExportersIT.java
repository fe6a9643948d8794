package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.postgres.PostgresMonitoring;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.redis.RedisMonitoring;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exporters beside a Postgres and a Redis created through the packaged operator run for real on the data plane's
 * node (postgres_exporter built from the Go module proxy, Debian's redis_exporter), with the env the operator gave
 * them. Scraped where the operator's ServiceMonitor points, each reports its data store up: the monitoring
 * credentials the operator generated really log in.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class DataPlaneExportersIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-exporters");
        namespace = namespaces.restricted("metrics");
        DataPlane.admit(admin, namespace);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-exporters");
        Postgres postgres = new Postgres();
        postgres.setMetadata(metadata("ledger-db"));
        postgres.setSpec(new PostgresSpec(
                "15",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("ledger", null)),
                null,
                null,
                null,
                null,
                DeletionPolicy.Delete,
                null,
                null,
                null));
        Redis redis = new Redis();
        redis.setMetadata(metadata("quotes"));
        redis.setSpec(
                new RedisSpec("7.2", new Quantity("64Mi"), null, null, null, null, DeletionPolicy.Delete, null, null));
        admin.resource(postgres).create();
        admin.resource(redis).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(ready(Postgres.class, "ledger-db")).as("Postgres Ready").isTrue();
            assertThat(ready(Redis.class, "quotes")).as("Redis Ready").isTrue();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void thePostgresExporterScrapedWhereItsServiceMonitorPointsLogsInWithTheMonitoringRoleAndReportsPgUp()
            throws Exception {
        Postgres postgres = admin.resources(Postgres.class)
                .inNamespace(namespace)
                .withName("ledger-db")
                .get();
        ServiceMonitor monitor = PostgresMonitoring.serviceMonitor(postgres, PlatformSettings.defaults())
                .orElseThrow();

        ServiceMonitorScrape scrape = scrapeUntil(monitor, "ledger-db-0", "pg_up 1");

        assertThat(scrape.target().getPort()).isEqualTo(PostgresExporterImage.PORT);
        assertThat(scrape.body()).containsPattern("(?m)^pg_database_size_bytes\\{datname=\"ledger\"\\} \\d");
    }

    @Test
    void theRedisExporterScrapedWhereItsServiceMonitorPointsLogsInAsTheMonitoringAclUserAndReportsRedisUp()
            throws Exception {
        Redis redis = admin.resources(Redis.class)
                .inNamespace(namespace)
                .withName("quotes")
                .get();
        ServiceMonitor monitor = RedisMonitoring.serviceMonitor(redis, PlatformSettings.defaults())
                .orElseThrow();

        ServiceMonitorScrape scrape = scrapeUntil(monitor, "quotes-0", "redis_up 1");

        assertThat(scrape.target().getPort()).isEqualTo(RedisExporterImage.PORT);
        assertThat(scrape.body()).containsPattern("(?m)^redis_connected_clients \\d");
    }

    /**
     * The pod's exporter, running under its liveness probe and scraped through the ServiceMonitor, answering with {@code line}
     * (within a few seconds: a scrape between the exporter's start and its first login may say down).
     */
    private static ServiceMonitorScrape scrapeUntil(ServiceMonitor monitor, String podName, String line) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Pod pod = admin.pods()
                                    .inNamespace(namespace)
                                    .withName(podName)
                                    .get();
                            ContainerStatus exporter = pod.getStatus().getContainerStatuses().stream()
                                    .filter(s -> s.getName().equals("exporter"))
                                    .findFirst()
                                    .orElseThrow();
                            assertThat(exporter.getState().getRunning())
                                    .as("the exporter runs, its liveness probe passing")
                                    .isNotNull();
                            assertThat(exporter.getRestartCount()).isZero();
                            ServiceMonitorScrape scrape = ServiceMonitorScrape.of(admin, monitor, pod);
                            assertThat(scrape.target().getHost())
                                    .isEqualTo(pod.getStatus().getPodIP());
                            assertThat(scrape.target().getPath())
                                    .isEqualTo(monitor.getSpec()
                                            .getEndpoints()
                                            .get(0)
                                            .getPath());
                            assertThat(scrape.status()).isEqualTo(200);
                            return scrape;
                        },
                        scrape -> scrape.body().lines().anyMatch(line::equals));
    }

    private static boolean ready(Class<? extends HasMetadata> kind, String name) {
        HasMetadata current =
                admin.resources(kind).inNamespace(namespace).withName(name).get();
        List<Condition> conditions = current instanceof Postgres postgres && postgres.getStatus() != null
                ? postgres.getStatus().conditions()
                : current instanceof Redis redis && redis.getStatus() != null
                        ? redis.getStatus().conditions()
                        : List.of();
        return Conditions.find(conditions, ConditionTypes.READY)
                .map(Condition::holds)
                .orElse(false);
    }

    private static ObjectMeta metadata(String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
    }
}
