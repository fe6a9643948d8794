package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.RedisUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** spec.redis becomes the child Redis with a user per consuming service, and the services read its binding. */
class ChildRedisTest {

    private static ServiceSpec uses(ServiceSpec s, RedisUse redis) {
        return TestStacks.withUses(s, new ServiceUse("cache", null, null, redis, null));
    }

    private static AppStack shop(DeletionPolicy stackPolicy, MonitoringSpec monitoring) {
        StackRedis redis = new StackRedis("7.2", new Quantity("128Mi"), null, null, null);
        return stack(
                "shop",
                "shop",
                TestStacks.spec(
                        List.of(
                                uses(service("api", "acme/api:1", 5000), new RedisUse(null, null)),
                                uses(
                                        service("report", "acme/report:1", 5000),
                                        new RedisUse(Access.ReadOnly, "api-cache:")),
                                service("web", "nginx", 8080)),
                        null,
                        redis,
                        null,
                        monitoring,
                        null,
                        stackPolicy));
    }

    @Test
    void eachUseOfRedisGetsAUserNamedAfterItsServiceAndUseAndTheChildTakesTheStacksDeletionPolicy() {
        Redis child = ChildRedis.desired(shop(DeletionPolicy.Delete, null)).orElseThrow();
        assertThat(child.getMetadata().getName()).isEqualTo("shop-redis");
        assertThat(child.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(child.getMetadata().getLabels())
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.PART_OF, "shop");
        assertThat(child.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
        assertThat(child.getSpec().users())
                .containsExactly(
                        new RedisUserSpec("api-cache", Access.ReadWrite, "api-cache:"),
                        new RedisUserSpec("report-cache", Access.ReadOnly, "api-cache:"));
        assertThat(child.getSpec().version()).isEqualTo("7.2");
        assertThat(child.getSpec().memory()).isEqualTo(new Quantity("128Mi"));
        assertThat(child.getSpec().deletionPolicy()).as("the stack's").isEqualTo(DeletionPolicy.Delete);
        assertThat(child.getSpec().binding())
                .as("services are bound by their uses")
                .isNull();
        assertThat(ChildRedis.desired(shop(null, null)).orElseThrow().getSpec().deletionPolicy())
                .as("the stack's default")
                .isEqualTo(DeletionPolicy.Retain);
        assertThat(ChildRedis.desired(stack("shop", "shop", service("web", "nginx", 80))))
                .isEmpty();
    }

    @Test
    void consumersReadTheirConnectionFromTheBindingSecret() {
        AppStack stack = shop(null, null);
        List<EnvVar> env = Deployments.desired(
                        stack, stack.getSpec().services().get(1), names -> java.util.Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();
        assertThat(env)
                .extracting(EnvVar::getName)
                .containsExactly("REDIS_HOST", "REDIS_PORT", "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_URL");
        assertThat(env).allSatisfy(variable -> {
            assertThat(variable.getValue()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-redis-report-cache-login");
        });
        assertThat(env)
                .extracting(v -> v.getValueFrom().getSecretKeyRef().getKey())
                .containsExactly("host", "port", "username", "password", "uri");
        assertThat(Deployments.desired(stack, stack.getSpec().services().get(2), names -> java.util.Optional.empty())
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .as("a service that does not use Redis")
                .isNull();
        assertThat(Deployments.bindingSecrets(stack, stack.getSpec().services().get(1)))
                .containsExactly("shop-redis-report-cache-login");
    }

    @Test
    void theStackWaitsForItsRedisAndAServiceNamedDefaultNeverBecomesRedisBuiltInUser() {
        AppStack stack = shop(null, null);
        var status = AppStackStatusBuilder.observed(stack, Map.of(), null, null, null, java.time.Instant.now());
        assertThat(status.components()).singleElement().satisfies(c -> {
            assertThat(c.component()).isEqualTo("Redis");
            assertThat(c.name()).isEqualTo("shop-redis");
            assertThat(c.holds()).isFalse();
        });
        AppStack withDefault = stack(
                "shop",
                "shop",
                TestStacks.spec(
                        List.of(uses(service("default", "x", 80), new RedisUse(null, null))),
                        null,
                        new StackRedis("7.2", new Quantity("64Mi"), null, null, null),
                        null,
                        null,
                        null,
                        null));
        assertThat(AppStackValidator.validate(withDefault)).isEmpty();
        assertThat(ChildRedis.desired(withDefault).orElseThrow().getSpec().users())
                .extracting(RedisUserSpec::name)
                .containsExactly("default-cache");
    }
}
