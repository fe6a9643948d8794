package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Retention;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Redis on a real control plane: its pod (projected config and ACL volume, data claim, exporter) passes the
 * enforced restricted Pod Security profile and runs on a kwok node, the Redis reports Ready from its real
 * StatefulSet, and under Retain the data claim outlives the resource. No real Redis runs on kwok nodes: the ACLs are
 * proven against a real redis-server elsewhere (RealRedisAclTest).
 */
@ExtendWith(RealCluster.class)
class RedisOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /**
     * How long the operator must have written nothing in the namespace before the steady state is measured: longer
     * than its second look at the data claim's volume, Retention.SETTLING after it set the reclaim policy (a write
     * to the cluster-scoped volume, not in the namespace), which then marks the claim.
     */
    private static final Duration SETTLED = Retention.SETTLING.plusSeconds(5);
    /** The shortest window in which an unchanged Redis must cause no write; it spans a reconcile the test causes. */
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(10);

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "redis");
        namespace = namespaces.restricted("caches");
        operator = OperatorProcess.start(RealCluster.plane(), "redis");
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
    void runsUnderTheRestrictedProfileBecomesReadyWritesNothingWhenSteadyAndRetainsItsVolume() throws Exception {
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("sessions")
                .withNamespace(namespace)
                .build());
        redis.setSpec(new RedisSpec(
                "7.2",
                new Quantity("64Mi"),
                null,
                null,
                List.of(new RedisUserSpec("web", null, null)),
                null,
                DeletionPolicy.Retain,
                null,
                null));
        admin.resource(redis).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.pods()
                            .inNamespace(namespace)
                            .withName("sessions-0")
                            .get())
                    .as("pod admitted")
                    .isNotNull();
            assertThat(admin.persistentVolumeClaims()
                            .inNamespace(namespace)
                            .withName("data-sessions-0")
                            .get()
                            .getStatus()
                            .getPhase())
                    .isEqualTo("Bound");
            Redis current = admin.resources(Redis.class)
                    .inNamespace(namespace)
                    .withName("sessions")
                    .get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                            .orElseThrow()
                            .holds())
                    .isTrue();
            assertThat(current.getStatus().version()).isEqualTo("7.2");
        });
        assertThat(admin.secrets()
                        .inNamespace(namespace)
                        .withName("sessions-web-login")
                        .get()
                        .getData())
                .containsKeys("uri", "password");

        // Steady state: reconciling the unchanged Redis writes nothing (the stored ACL Secret must equal the desired
        // one).
        // Once the operator has written nothing for a while, the test makes it reconcile (a change to the StatefulSet,
        // which the operator also writes, hence the retry on conflict) and watches a window of at least QUIET_WINDOW
        // that lasts until that reconcile has finished.
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        audit.awaitSettled(operator.user(), namespace, SETTLED, TIMEOUT);
        long mark = audit.mark();
        Instant windowStart = Instant.now();
        long before = operator.reconciliationsOf("Redis", namespace, "sessions");
        Updates.change(
                admin,
                StatefulSet.class,
                namespace,
                "sessions",
                sts -> sts.getMetadata().getLabels().put("test.atonix.io/touched", "yes"));
        assertThat(audit.writesDuring(
                        operator.user(),
                        namespace,
                        mark,
                        windowStart,
                        QUIET_WINDOW,
                        () -> operator.reconciliationsOf("Redis", namespace, "sessions") > before,
                        TIMEOUT))
                .as("writing requests of the operator while reconciling an unchanged Redis")
                .isEmpty();

        admin.resources(Redis.class).inNamespace(namespace).withName("sessions").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps()
                            .statefulSets()
                            .inNamespace(namespace)
                            .withName("sessions")
                            .get())
                    .isNull();
            assertThat(admin.pods()
                            .inNamespace(namespace)
                            .withName("sessions-0")
                            .get())
                    .isNull();
            assertThat(admin.secrets()
                            .inNamespace(namespace)
                            .withName("sessions-acl")
                            .get())
                    .as("the ACL file, made from the credentials")
                    .isNull();
            assertThat(admin.secrets()
                            .inNamespace(namespace)
                            .withName("sessions-web-login")
                            .get())
                    .as("a user's Secret, kept under Retain")
                    .isNotNull();
        });
        // The StatefulSet is gone, so its controller can no longer act on the claim; with no owner left on the claim
        // and
        // no deletion under way, the garbage collector never will either: the claim stays.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PersistentVolumeClaim kept = admin.persistentVolumeClaims()
                    .inNamespace(namespace)
                    .withName("data-sessions-0")
                    .get();
            assertThat(kept).as("claim kept").isNotNull();
            assertThat(kept.getMetadata().getOwnerReferences())
                    .as("owners of the kept claim")
                    .isNullOrEmpty();
            assertThat(kept.getMetadata().getDeletionTimestamp())
                    .as("deletion of the kept claim")
                    .isNull();
        });
    }
}
