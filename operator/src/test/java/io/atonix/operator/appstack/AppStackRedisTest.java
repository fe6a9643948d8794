package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.RedisUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stack's spec.redis through both controllers against the mock API server: the AppStack composes the child Redis
 * with a user per use of Redis, the Redis controller creates the user's binding Secret, and the stack waits for
 * its Redis. The mock runs no workload controllers, so the test writes Deployment and StatefulSet status itself.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class AppStackRedisTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void aStackWithRedisComposesAChildRedisWithAUserPerUseAndWaitsForIt() {
        ServiceSpec api = withRedis(
                TestStacks.withReplicas(service("api", "acme/api:1", 5000), 1),
                new RedisUse(Access.ReadOnly, "shared:"));
        StackRedis redis = new StackRedis("7.2", new Quantity("64Mi"), null, null, null);
        AppStack stack =
                stack("composed-redis", "shop", TestStacks.spec(List.of(api), null, redis, null, null, null, null));
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Redis child = client.resources(Redis.class)
                    .inNamespace("composed-redis")
                    .withName("shop-redis")
                    .get();
            assertThat(child).isNotNull();
            assertThat(child.getSpec().users())
                    .containsExactly(new RedisUserSpec("api-cache", Access.ReadOnly, "shared:"));
            assertThat(child.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
            // The Redis controller takes it from there.
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace("composed-redis")
                            .withName("shop-redis")
                            .get())
                    .isNotNull();
            assertThat(client.secrets()
                            .inNamespace("composed-redis")
                            .withName("shop-redis-api-cache-login")
                            .get())
                    .isNotNull();
        });
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace("composed-redis")
                .withName("shop-api")
                .get();
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .extracting(e ->
                        e.getName() + "<-" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                                + e.getValueFrom().getSecretKeyRef().getKey())
                .contains(
                        "REDIS_URL<-shop-redis-api-cache-login/uri",
                        "REDIS_PASSWORD<-shop-redis-api-cache-login/password");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            keepAvailable("shop-api");
            AppStack current = get();
            assertThat(current.getStatus().components())
                    .filteredOn(c -> c.component().equals("Redis"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.holds()).isFalse();
                        assertThat(c.reason()).isEqualTo("Starting");
                    });
            assertThat(Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                            .orElseThrow()
                            .status())
                    .as("a stack waits for its Redis")
                    .isEqualTo("False");
        });

        markReady(client.apps()
                .statefulSets()
                .inNamespace("composed-redis")
                .withName("shop-redis")
                .get());
        await().atMost(TIMEOUT).untilAsserted(() -> {
            keepAvailable("shop-api");
            AppStack current = get();
            assertThat(current.getStatus().components())
                    .filteredOn(c -> c.component().equals("Redis"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.holds()).isTrue());
            assertThat(Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                            .orElseThrow()
                            .status())
                    .isEqualTo("True");
        });

        Updates.change(
                client,
                AppStack.class,
                "composed-redis",
                "shop",
                s -> s.setSpec(TestStacks.spec(List.of(withRedis(api, null)), null, null, null, null, null, null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.resources(Redis.class)
                            .inNamespace("composed-redis")
                            .withName("shop-redis")
                            .get())
                    .isNull();
            assertThat(get().getStatus().components())
                    .extracting(c -> c.component())
                    .doesNotContain("Redis");
        });
    }

    private AppStack get() {
        return client.resources(AppStack.class)
                .inNamespace("composed-redis")
                .withName("shop")
                .get();
    }

    private static ServiceSpec withRedis(ServiceSpec s, RedisUse redis) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                s.metrics(),
                redis == null ? null : List.of(new ServiceUse("cache", null, null, redis, null)));
    }

    /**
     * Plays the Deployment controller: reports the current template as available whenever the stored status is
     * older than it. The operator may update the Deployment meanwhile (the credentials checksum once the Redis
     * Secrets exist), so this runs on every poll, and a conflict with that update is left to the next poll.
     */
    private void keepAvailable(String name) {
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace("composed-redis")
                .withName(name)
                .get();
        long generation = deployment.getMetadata().getGeneration() == null
                ? 1L
                : deployment.getMetadata().getGeneration();
        if (deployment.getStatus() != null
                && Long.valueOf(generation).equals(deployment.getStatus().getObservedGeneration())) {
            return;
        }
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withReadyReplicas(1)
                .withAvailableReplicas(1)
                .build());
        try {
            client.resource(deployment).updateStatus();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void markReady(StatefulSet sts) {
        sts.setStatus(new StatefulSetStatusBuilder()
                .withObservedGeneration(
                        sts.getMetadata().getGeneration() == null
                                ? 1L
                                : sts.getMetadata().getGeneration())
                .withReplicas(1)
                .withReadyReplicas(1)
                .withCurrentRevision("r1")
                .withUpdateRevision("r1")
                .build());
        client.resource(sts).updateStatus();
    }
}
