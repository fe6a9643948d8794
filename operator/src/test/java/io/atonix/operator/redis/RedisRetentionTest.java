package io.atonix.operator.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReopenedData;
import io.atonix.operator.common.RetainedData;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a Redis keeps under deletionPolicy Retain, against the mock API server (which has no garbage collector). */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class RedisRetentionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> CREDENTIALS = List.of("cache-admin", "cache-monitoring", "cache-web-login");

    @Inject
    KubernetesClient client;

    @Test
    void underRetainTheUsersSecretsHaveNoOwnerAndANewRedisOfTheNameAdoptsThemWithTheirPasswordsAndSaysSo() {
        create("redis-reopen", DeletionPolicy.Retain);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (String name : CREDENTIALS) {
                assertThat(secret("redis-reopen", name)).as(name).isNotNull();
            }
            assertThat(secret("redis-reopen", "cache-acl")).isNotNull();
        });
        Map<String, String> passwords = new HashMap<>();
        for (String name : CREDENTIALS) {
            Secret secret = secret("redis-reopen", name);
            assertThat(secret.getMetadata().getOwnerReferences()).as(name).isNullOrEmpty();
            assertThat(secret.getMetadata().getAnnotations()).containsEntry(RetainedData.RETAINED_BY, "Redis/cache");
            passwords.put(name, password(secret));
        }
        assertThat(secret("redis-reopen", "cache-acl").getMetadata().getOwnerReferences())
                .as("the ACL file is made again from the credentials")
                .isNotEmpty();

        client.resources(Redis.class)
                .inNamespace("redis-reopen")
                .withName("cache")
                .delete();
        await().atMost(TIMEOUT).until(() -> get("redis-reopen") == null);
        create("redis-reopen", DeletionPolicy.Retain);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Redis again = get("redis-reopen");
            assertThat(again.getStatus()).isNotNull();
            var reused = Conditions.find(again.getStatus().conditions(), ReopenedData.CONDITION)
                    .orElseThrow();
            assertThat(reused.holds()).isTrue();
            assertThat(reused.message()).contains("Secret cache-web-login");
        });
        for (String name : CREDENTIALS) {
            assertThat(password(secret("redis-reopen", name))).as(name).isEqualTo(passwords.get(name));
        }
    }

    @Test
    void switchingDeleteToRetainTakesTheOwnerOffTheUsersSecrets() {
        create("redis-switch", DeletionPolicy.Delete);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (String name : CREDENTIALS) {
                assertThat(secret("redis-switch", name).getMetadata().getOwnerReferences())
                        .as(name)
                        .singleElement()
                        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Redis"));
            }
        });
        Updates.change(client, Redis.class, "redis-switch", "cache", r -> r.setSpec(spec(DeletionPolicy.Retain)));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (String name : CREDENTIALS) {
                assertThat(secret("redis-switch", name).getMetadata().getOwnerReferences())
                        .as(name)
                        .isNullOrEmpty();
            }
        });
    }

    /** The mock server keeps stringData as written; a real one turns it into data. */
    private static String password(Secret secret) {
        if (secret.getData() != null && secret.getData().get("password") != null) {
            return secret.getData().get("password");
        }
        return secret.getStringData().get("password");
    }

    private static RedisSpec spec(DeletionPolicy policy) {
        return RedisFixtures.spec(
                "7.2", "64Mi", null, null, List.of(RedisFixtures.user("web", null, null)), null, policy);
    }

    private void create(String namespace, DeletionPolicy policy) {
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("cache")
                .withNamespace(namespace)
                .build());
        redis.setSpec(spec(policy));
        client.resource(redis).create();
    }

    private Redis get(String namespace) {
        return client.resources(Redis.class)
                .inNamespace(namespace)
                .withName("cache")
                .get();
    }

    private Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }
}
