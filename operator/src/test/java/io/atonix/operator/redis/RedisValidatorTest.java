package io.atonix.operator.redis;

import static io.atonix.operator.redis.RedisFixtures.redis;
import static io.atonix.operator.redis.RedisFixtures.spec;
import static io.atonix.operator.redis.RedisFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Binding;
import io.atonix.api.v1beta1.common.BindingSpec;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.api.v1beta1.redis.RedisPersistenceMode;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisStatus;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule names the field at fault; the status says when Redis is ready. */
class RedisValidatorTest {

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(RedisValidator.problems(redis(spec("7.2", "256Mi", List.of(user("api", null, "{api}:")))), null))
                .isEmpty();
    }

    @Test
    void aNameTooLongForItsStatefulSetsPodsIsRefused() {
        Redis redis = redis(spec("7.2", "256Mi", List.of()));
        redis.getMetadata().setName("r".repeat(Redis.MAX_NAME + 1));
        assertThat(RedisValidator.problems(redis, null))
                .containsExactly(
                        new SpecProblem(
                                "metadata.name",
                                "the name of a Redis is at most 52 characters, so that its StatefulSet's pods get valid controller-revision-hash labels"));
        redis.getMetadata().setName("r".repeat(Redis.MAX_NAME));
        assertThat(RedisValidator.problems(redis, null)).isEmpty();
    }

    @Test
    void eachProblemNamesItsField() {
        Redis bad = redis(spec(
                "5.0",
                "0",
                List.of(
                        user("api", null, null),
                        user("api", null, null),
                        user("default", null, null),
                        user("jobs", null, "a b*"))));
        assertThat(RedisValidator.problems(bad, null))
                .containsExactly(
                        new SpecProblem(
                                "spec.version", "Invalid value: \"5.0\": should match '^[6-9](\\.[0-9]+){0,2}$'"),
                        new SpecProblem("spec.users[1]", "Duplicate value: {name=\"api\"}"),
                        new SpecProblem(
                                "spec.users[3].keyPrefix",
                                "Invalid value: \"a b*\": should match '^[-A-Za-z0-9:._/{}@|+=]+$'"),
                        new SpecProblem("spec.memory", "'0': memory must be at least 1Mi"),
                        new SpecProblem("spec.users", "user names must be unique"),
                        new SpecProblem(
                                "spec.users", "'default' is Redis' built-in user, which the operator turns off"));
        Redis tight = redis(spec(
                "7.2",
                "1Gi",
                null,
                null,
                List.of(),
                new ComputeResources(null, new ResourceAmounts(null, new Quantity("1Gi"))),
                null));
        assertThat(RedisValidator.problems(tight, null))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("spec.resources.limits.memory"))
                .asString()
                .startsWith("spec.resources.limits.memory: '1Gi': the memory limit must be above memory");
    }

    @Test
    void theMajorVersionCannotGoDownAndPersistenceCannotBeToggled() {
        Redis redis = redis(spec("6.2", "64Mi", List.of()));
        redis.setStatus(new RedisStatus(1L, List.of(), "7.2", null));
        assertThat(RedisValidator.problems(redis, null))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("spec.version"))
                .asString()
                .startsWith("spec.version: the major version cannot go down from 7.2");

        StatefulSet withoutVolume =
                new StatefulSetBuilder().withNewSpec().endSpec().build();
        assertThat(RedisValidator.problems(redis(spec("7.2", "64Mi", List.of())), withoutVolume))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("spec.persistence.mode"))
                .asString()
                .startsWith("spec.persistence.mode: Redis runs without a data volume");
        Redis cache = redis(spec(
                "7.2", "64Mi", null, new RedisPersistence(RedisPersistenceMode.None, null), List.of(), null, null));
        assertThat(RedisValidator.problems(cache, withoutVolume)).isEmpty();
        assertThat(RedisValidator.problems(
                        cache, RedisStatefulSets.desired(redis(spec("7.2", "64Mi", List.of())), passwords())))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("spec.persistence.mode"))
                .asString()
                .startsWith("spec.persistence.mode: Redis runs with a data volume");
    }

    @Test
    void readyWhenTheStatefulSetServesTheCurrentTemplate() {
        Redis redis = redis(spec("7.2", "64Mi", List.of(user("api", null, null))));
        redis.getMetadata().setGeneration(2L);
        StatefulSet sts = RedisStatefulSets.desired(redis, passwords());
        sts.getMetadata().setGeneration(3L);
        RedisStatus starting = RedisStatusBuilder.observed(redis, sts, Instant.now());
        assertThat(Conditions.find(starting.conditions(), ConditionTypes.READY)
                        .orElseThrow()
                        .reason())
                .isEqualTo("Starting");
        assertThat(starting.version()).isNull();
        assertThat(starting.observedGeneration()).isEqualTo(2L);
        sts.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder()
                .withObservedGeneration(3L)
                .withReadyReplicas(1)
                .withReplicas(1)
                .withCurrentRevision("r1")
                .withUpdateRevision("r1")
                .build());
        RedisStatus ready = RedisStatusBuilder.observed(redis, sts, Instant.now());
        var condition =
                Conditions.find(ready.conditions(), ConditionTypes.READY).orElseThrow();
        assertThat(condition.holds()).isTrue();
        assertThat(condition.message()).isEqualTo("Redis 7.2 is ready with 1 users");
        assertThat(ready.version()).isEqualTo("7.2");
        assertThat(ready.binding())
                .as("no spec.binding: no binding, never the administrator's")
                .isNull();
    }

    @Test
    void statusBindingOffersOnlyTheUserTheSpecChooses() {
        RedisSpec users = spec("7.2", "64Mi", List.of(user("api", null, null)));
        Redis redis = redis(new RedisSpec(
                users.version(),
                users.memory(),
                users.evictionPolicy(),
                users.persistence(),
                users.users(),
                users.resources(),
                users.deletionPolicy(),
                null,
                new BindingSpec("api")));
        assertThat(RedisValidator.problems(redis, null)).isEmpty();
        assertThat(RedisStatusBuilder.observed(redis, null, Instant.now()).binding())
                .isEqualTo(new Binding("shop-redis-api-login"));
        redis.setSpec(new RedisSpec(
                users.version(),
                users.memory(),
                users.evictionPolicy(),
                users.persistence(),
                users.users(),
                users.resources(),
                users.deletionPolicy(),
                null,
                new BindingSpec("admin")));
        assertThat(RedisValidator.problems(redis, null))
                .containsExactly(new SpecProblem(
                        "spec.binding.login", "'admin': the binding's login must be a user of spec.users"));
    }

    private static Map<String, String> passwords() {
        return Map.of(RedisAcl.ADMIN, "a", RedisAcl.MONITOR, "m", "api", "p");
    }
}
