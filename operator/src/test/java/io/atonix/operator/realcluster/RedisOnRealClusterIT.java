package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.atonix.api.v1alpha1.common.ConditionTypes;
import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.api.v1alpha1.redis.RedisSpec;
import io.atonix.api.v1alpha1.redis.RedisUserSpec;
import io.atonix.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Redis on a real control plane: its pod (projected config and ACL volume, data claim, exporter) passes the
 * enforced restricted Pod Security profile and runs on a kwok node, the Redis reports Ready from its real
 * StatefulSet, and under Retain the data claim outlives the resource. No real Redis runs on kwok nodes: the ACLs are
 * proven against a real redis-server elsewhere (RealRedisAclTest).
 */
@ExtendWith(RealCluster.class)
class RedisOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String NAMESPACE = "caches";
    private static KubernetesClient admin;
    private static OperatorProcess operator;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).create();
        await().atMost(TIMEOUT).until(() -> admin.serviceAccounts().inNamespace(NAMESPACE).withName("default").get() != null);
        operator = OperatorProcess.start(RealCluster.plane(), "redis");
    }

    @AfterAll
    static void stop() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void runsUnderTheRestrictedProfileBecomesReadyAndRetainsItsVolume() {
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder().withName("sessions").withNamespace(NAMESPACE).build());
        redis.setSpec(new RedisSpec("7.2", new Quantity("64Mi"), null, null, List.of(new RedisUserSpec("web", null, null)), null,
                DeletionPolicy.Retain));
        admin.resource(redis).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.pods().inNamespace(NAMESPACE).withName("sessions-0").get()).as("pod admitted").isNotNull();
            assertThat(admin.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-sessions-0").get().getStatus().getPhase())
                    .isEqualTo("Bound");
            Redis current = admin.resources(Redis.class).inNamespace(NAMESPACE).withName("sessions").get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(Conditions.find(current.getStatus().conditions(), ConditionTypes.READY).orElseThrow().holds()).isTrue();
            assertThat(current.getStatus().version()).isEqualTo("7.2");
        });
        assertThat(admin.secrets().inNamespace(NAMESPACE).withName("sessions-web-login").get().getData()).containsKeys("uri", "password");

        admin.resources(Redis.class).inNamespace(NAMESPACE).withName("sessions").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps().statefulSets().inNamespace(NAMESPACE).withName("sessions").get()).isNull();
            assertThat(admin.pods().inNamespace(NAMESPACE).withName("sessions-0").get()).isNull();
            assertThat(admin.secrets().inNamespace(NAMESPACE).withName("sessions-acl").get()).isNull();
        });
        // Give the StatefulSet controller time to act on the claim, should it be going to.
        await().pollDelay(Duration.ofSeconds(5)).atMost(TIMEOUT).until(() -> true);
        assertThat(admin.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-sessions-0").get()).as("claim kept").isNotNull();
    }
}
