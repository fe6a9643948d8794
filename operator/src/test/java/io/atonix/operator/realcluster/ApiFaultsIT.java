package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.postgres.PostgresStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator, run with the chart's identity, reaches the API server only through {@link FaultyApiServer}, which
 * fails a tenth of its requests (429 with Retry-After, 500, 409, timeouts, resets) and drops its watches or answers
 * them 410 Gone. Stacks with a Postgres and a Redis still converge, each object made once, no credential made
 * twice, and are deleted without a finalizer left behind; the operator's metrics show the failed reconciles, and
 * it waits as long as Retry-After says, and for a create the API server answers after 15 s. The fault counts are
 * printed (docs/testing.md, "Fault model").
 */
@ExtendWith(RealCluster.class)
class ApiFaultsIT {
    /** As issue 18 asks: on the 2-core machine they converge in about 100 to 140 s (docs/testing.md). */
    static final int STACKS = 50;

    static final long SEED = 18;
    /** Requests held past the client's timeout cost HELD each; a few show the operator's handling of them. */
    private static final int MAX_TIMEOUTS = 4;
    /** Service creates answered 15 s late, which the operator must wait for instead of sending again. */
    private static final int SLOW_CREATES = 3;

    private static final Duration CONVERGED = Duration.ofMinutes(4);
    private static final Duration SETTLED = Duration.ofSeconds(10);
    private static final Duration DELETED = Duration.ofMinutes(3);

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ChartIdentity identity;
    private static FaultyApiServer proxy;
    private static OperatorProcess operator;
    private static long auditStart;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "apifaults");
        namespace = namespaces.restricted("stacks");
        identity = ChartIdentity.of(RealCluster.plane());
        auditStart = new AuditLog(RealCluster.plane().auditLog()).mark();
        proxy = FaultyApiServer.start(
                RealCluster.plane(), new FaultSchedule(SEED, MAX_TIMEOUTS), new SlowCreates(SLOW_CREATES));
        operator = OperatorProcess.start(
                RealCluster.plane(),
                "api-faults",
                RealCluster.plane().kubeconfigWithToken("api-faults", identity.token(), proxy.port()),
                Map.of());
        proxy.schedule().arm();
    }

    /** The stacks are deleted while the operator and its proxy still run: the operator releases their finalizers. */
    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                if (operator != null) {
                    operator.close();
                }
            } finally {
                if (proxy != null) {
                    System.out.println(proxy.report());
                    proxy.close();
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    void stacksWithDataStoresConvergeThroughApiFaultsWithEachObjectAndCredentialMadeOnceAndAreDeletedCleanly()
            throws Exception {
        Instant started = Instant.now();
        List<String> stacks = new ArrayList<>();
        for (int i = 0; i < STACKS; i++) {
            String name = String.format("s%02d", i);
            admin.resource(stack(name)).create();
            stacks.add(name);
        }
        CredentialSamples credentials = new CredentialSamples(admin, namespace);
        await("every stack converged through the faults")
                .atMost(CONVERGED)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    credentials.sample();
                    for (String stack : stacks) {
                        assertConverged(stack);
                    }
                });
        Duration convergence = Duration.between(started, Instant.now());
        StackChildren converged = StackChildren.in(admin, namespace);
        new AuditLog(RealCluster.plane().auditLog()).awaitSettled(identity.username(), namespace, SETTLED, CONVERGED);
        StackChildren settled = StackChildren.in(admin, namespace);
        credentials.sample();
        System.out.println(
                "ApiFaultsIT: " + STACKS + " stacks converged in " + convergence.toSeconds() + " s; " + proxy.report());

        TreeSet<String> shape = settled.of(stacks.get(0));
        assertThat(shape)
                .as("what the first stack has")
                .contains(
                        "Postgres/postgres",
                        "Redis/redis",
                        "Deployment/api",
                        "StatefulSet/postgres",
                        "StatefulSet/redis",
                        "PersistentVolumeClaim/data-postgres-0",
                        "PersistentVolumeClaim/data-redis-0");
        for (String stack : stacks) {
            assertThat(settled.of(stack)).as("what stack " + stack + " has").isEqualTo(shape);
        }
        assertThat(settled.uids())
                .as("every object of the stacks: nothing made again after the stacks converged")
                .isEqualTo(converged.uids());
        assertThat(credentials.now())
                .as("every Secret of the operator, as it was when first seen")
                .isEqualTo(credentials.first());

        assertThat(proxy.schedule().counts())
                .as("faults done")
                .allSatisfy((fault, count) -> assertThat(count).as(fault.name()).isPositive());
        assertThat(proxy.retryAfter().early())
                .as("writes sent again sooner than Retry-After")
                .isEmpty();
        assertThat(proxy.retryAfter().honoured())
                .as("writes sent again after Retry-After")
                .isPositive();
        assertThat(proxy.slowCreates().sentAgain())
                .as("Service creates answered after " + SlowCreates.ANSWERED_AFTER.toSeconds() + " s and sent again")
                .isEmpty();
        String metrics = operator.metrics();
        double failures = OperatorMetrics.sum(metrics, "reconciliations_failure_total");
        double retries = OperatorMetrics.sum(metrics, "reconciliations_retries_total");
        System.out.println("ApiFaultsIT: the operator's metrics: reconciliations_failure_total " + failures
                + ", reconciliations_retries_total " + retries);
        // The client's own retries of 429, 5xx and resets are counted nowhere: fabric8 has no metrics.
        assertThat(failures + retries)
                .as("failed and retried reconciles in the operator's metrics")
                .isPositive();

        admin.resources(AppStack.class).inNamespace(namespace).delete();
        await("the stacks, their Postgres and Redis gone, their finalizers released through the faults")
                .atMost(DELETED)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> customResources().isEmpty());
        assertThat(new AuditLog(RealCluster.plane().auditLog()).refusedByRbac(identity.username(), auditStart))
                .as("requests the chart's RBAC refused the operator")
                .isEmpty();
        System.out.println("ApiFaultsIT: done in "
                + Duration.between(started, Instant.now()).toSeconds() + " s; " + proxy.report());
    }

    /**
     * Converged as far as kwok nodes allow: the status is of the current generation, the service's pods available,
     * the Redis ready, and the Postgres' server ready with provisioning tried (no PostgreSQL runs on kwok nodes).
     */
    private static void assertConverged(String name) {
        AppStack stack = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        assertThat(stack.getStatus()).as("status of " + name).isNotNull();
        assertThat(stack.getStatus().observedGeneration())
                .as("observed generation of " + name)
                .isEqualTo(stack.getMetadata().getGeneration());
        assertThat(stack.getStatus().services())
                .as("services of " + name)
                .extracting(ServiceStatus::name, ServiceStatus::ready)
                .containsExactly(tuple("api", true));
        assertThat(stack.getStatus().components())
                .as("components of " + name)
                .extracting(ComponentStatus::component, ComponentStatus::status, ComponentStatus::reason)
                .contains(tuple("Postgres", ComponentStatus.FALSE, PostgresStatusBuilder.REASON_PROVISIONING_FAILED));
        assertThat(stack.getStatus().components())
                .as("components of " + name)
                .filteredOn(c -> "Redis".equals(c.component()))
                .extracting(ComponentStatus::status)
                .containsExactly(ComponentStatus.TRUE);
    }

    private static List<HasMetadata> customResources() {
        List<HasMetadata> found = new ArrayList<>();
        for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
            found.addAll(admin.resources(type).inNamespace(namespace).list().getItems());
        }
        return found;
    }

    /** A service that uses both data stores of its stack. */
    private AppStack stack(String name) {
        return admin.getKubernetesSerialization().unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  services:
                    - name: api
                      image: ghcr.io/acme/shop-api:2.0.1
                      port: 5000
                      replicas: 1
                      uses:
                        - name: db
                          postgres: { database: shop, access: ReadWrite }
                        - name: cache
                          redis: { access: ReadWrite }
                  postgres:
                    version: "16"
                    storage: { size: 1Gi }
                    databases:
                      - name: shop
                  redis:
                    version: "7.2"
                    memory: 64Mi
                """.formatted(name, namespace), AppStack.class);
    }
}
