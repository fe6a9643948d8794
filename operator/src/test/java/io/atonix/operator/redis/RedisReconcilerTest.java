package io.atonix.operator.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.SecretValues;
import io.atonix.operator.common.Updates;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis controller against the mock API server: the objects, credentials that are never regenerated, an ACL file
 * built from the stored passwords, rolls on config and user changes, refused specs, and a quiet steady state. The
 * mock runs no StatefulSet controller, so the tests write the StatefulSet's status themselves.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class RedisReconcilerTest {
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
    void createsItsObjectsWithAnAclOfTheStoredPasswordsAndNeverRegeneratesOne() {
        create("rd-create", "cache", spec("256Mi", List.of(new RedisUserSpec("api", null, null))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(sts("rd-create")).isNotNull();
            assertThat(client.configMaps()
                            .inNamespace("rd-create")
                            .withName("cache-config")
                            .get())
                    .isNotNull();
            assertThat(client.services()
                            .inNamespace("rd-create")
                            .withName("cache")
                            .get())
                    .isNotNull();
            assertThat(client.secrets()
                            .inNamespace("rd-create")
                            .withName("cache-acl")
                            .get())
                    .isNotNull();
        });
        Map<String, String> passwords =
                passwords("rd-create", List.of("cache-admin", "cache-monitoring", "cache-api-login"));
        assertThat(passwords.values()).doesNotHaveDuplicates();
        String acl = aclFile("rd-create");
        assertThat(acl)
                .contains("user api on #" + RedisAcl.sha256(passwords.get("cache-api-login")))
                .contains("user atonix_monitor on #" + RedisAcl.sha256(passwords.get("cache-monitoring")));
        passwords.values().forEach(password -> assertThat(acl).doesNotContain(password));
        assertThat(client.configMaps()
                        .inNamespace("rd-create")
                        .withName("cache-config")
                        .get()
                        .getData()
                        .get(RedisConfig.FILE))
                .contains("maxmemory 268435456");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Redis redis = get("rd-create", "cache");
            assertThat(condition(redis, ConditionTypes.READY).reason()).isEqualTo(RedisStatusBuilder.REASON_STARTING);
            assertThat(redis.getStatus().binding())
                    .as("no spec.binding, so none")
                    .isNull();
        });

        // A new user: its binding Secret, a new ACL file, a rolled pod; every existing password stays.
        String aclHash = annotation(sts("rd-create"), RedisStatefulSets.ACL_HASH);
        String configHash = annotation(sts("rd-create"), RedisStatefulSets.CONFIG_HASH);
        Updates.change(
                client,
                Redis.class,
                "rd-create",
                "cache",
                r -> r.setSpec(spec(
                        "256Mi",
                        List.of(
                                new RedisUserSpec("api", null, null),
                                new RedisUserSpec("report", Access.ReadOnly, "api:")))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(annotation(sts("rd-create"), RedisStatefulSets.ACL_HASH)).isNotEqualTo(aclHash);
            assertThat(aclFile("rd-create")).contains("user report on #");
        });
        assertThat(annotation(sts("rd-create"), RedisStatefulSets.CONFIG_HASH)).isEqualTo(configHash);
        assertThat(passwords("rd-create", List.of("cache-admin", "cache-monitoring", "cache-api-login")))
                .isEqualTo(passwords);
        assertThat(client.secrets()
                        .inNamespace("rd-create")
                        .withName("cache-report-login")
                        .get())
                .isNotNull();

        // More memory: a new redis.conf rolls the pod.
        Updates.change(
                client,
                Redis.class,
                "rd-create",
                "cache",
                r -> r.setSpec(spec("512Mi", r.getSpec().users())));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(annotation(sts("rd-create"), RedisStatefulSets.CONFIG_HASH))
                        .isNotEqualTo(configHash));
        assertThat(client.configMaps()
                        .inNamespace("rd-create")
                        .withName("cache-config")
                        .get()
                        .getData()
                        .get(RedisConfig.FILE))
                .contains("maxmemory 536870912");
        assertThat(passwords("rd-create", List.of("cache-admin", "cache-monitoring", "cache-api-login")))
                .isEqualTo(passwords);
    }

    @Test
    void aMemoryLimitBelowMaxmemoryIsRefusedAndChangesNothing() {
        create(
                "rd-refused",
                "cache",
                new RedisSpec(
                        "7.2",
                        new Quantity("1Gi"),
                        null,
                        null,
                        null,
                        new ComputeResources(null, new ResourceAmounts(null, new Quantity("512Mi"))),
                        null,
                        null,
                        null));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("rd-refused", "cache"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(RedisStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message()).contains("spec.resources.limits.memory");
            assertThat(condition(get("rd-refused", "cache"), ConditionTypes.DEGRADED)
                            .status())
                    .isEqualTo("True");
        });
        assertThat(client.apps().statefulSets().inNamespace("rd-refused").list().getItems())
                .isEmpty();
        assertThat(client.secrets().inNamespace("rd-refused").list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace("rd-refused").list().getItems())
                .filteredOn(c -> c.getMetadata().getName().startsWith("cache"))
                .isEmpty();
        assertThat(mock.events("rd-refused")).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo(RedisStatusBuilder.REASON_INVALID_SPEC);
        });
    }

    @Test
    void becomesReadyWithItsStatefulSetAndThenMakesNoWrites() throws Exception {
        create("rd-steady", "cache", spec("64Mi", List.of(new RedisUserSpec("api", null, null))));
        await().atMost(TIMEOUT).until(() -> sts("rd-steady") != null);
        markReady("rd-steady", 0);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Redis redis = get("rd-steady", "cache");
            assertThat(condition(redis, ConditionTypes.READY).status()).isEqualTo("True");
            assertThat(redis.getStatus().version()).isEqualTo("7.2");
            assertThat(redis.getStatus().observedGeneration())
                    .isEqualTo(redis.getMetadata().getGeneration());
        });
        assertThat(mock.events("rd-steady"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo(RedisStatusBuilder.REASON_READY));

        mock.awaitNoWrites();
        double before = mock.reconciliations();
        // A status change of the StatefulSet that changes nothing the Redis reports; it makes the operator reconcile.
        markReady("rd-steady", 1);
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request : mock.drainRequests()) {
            boolean write = !"GET".equals(request.getMethod());
            boolean ours = request.getPath().contains("/statefulsets/cache/status");
            if (write && !ours) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged Redis")
                .isEmpty();
    }

    private static RedisSpec spec(String memory, List<RedisUserSpec> users) {
        return new RedisSpec("7.2", new Quantity(memory), null, null, users, null, null, null, null);
    }

    private void create(String namespace, String name, RedisSpec spec) {
        Redis redis = new Redis();
        redis.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        redis.setSpec(spec);
        client.resource(redis).create();
    }

    private Redis get(String namespace, String name) {
        return client.resources(Redis.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private StatefulSet sts(String namespace) {
        return client.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName("cache")
                .get();
    }

    private String aclFile(String namespace) {
        return SecretValues.get(
                        client.secrets()
                                .inNamespace(namespace)
                                .withName("cache-acl")
                                .get(),
                        RedisAcl.FILE)
                .orElseThrow();
    }

    private Map<String, String> passwords(String namespace, List<String> secrets) {
        Map<String, String> passwords = new HashMap<>();
        for (String name : secrets) {
            Secret secret =
                    client.secrets().inNamespace(namespace).withName(name).get();
            assertThat(secret).as(name).isNotNull();
            passwords.put(name, SecretValues.get(secret, "password").orElseThrow());
        }
        return passwords;
    }

    private static String annotation(StatefulSet sts, String name) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(name);
    }

    private static Condition condition(Redis redis, String type) {
        assertThat(redis.getStatus()).isNotNull();
        return Conditions.find(redis.getStatus().conditions(), type).orElseThrow();
    }

    /** Plays the StatefulSet controller: the pod runs the current template and is ready. */
    private void markReady(String namespace, int collisions) {
        StatefulSet sts = sts(namespace);
        long generation = sts.getMetadata().getGeneration() == null
                ? 1L
                : sts.getMetadata().getGeneration();
        sts.setStatus(new StatefulSetStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(1)
                .withReadyReplicas(1)
                .withCurrentReplicas(1)
                .withUpdatedReplicas(1)
                .withCurrentRevision("cache-1")
                .withUpdateRevision("cache-1")
                .withCollisionCount(collisions)
                .build());
        client.resource(sts).updateStatus();
    }
}
