package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.redis.EvictionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/** Redis resources for tests, built in code so that each test shows the fields it cares about. */
final class RedisFixtures {

    private RedisFixtures() {}

    static Redis redis(RedisSpec spec) {
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("shop-redis")
                .withNamespace("shop")
                .withUid("uid-redis")
                .addToLabels(Labels.PART_OF, "shop")
                .build());
        redis.setSpec(spec);
        return redis;
    }

    static RedisSpec spec(String version, String memory, List<RedisUserSpec> users) {
        return new RedisSpec(version, new Quantity(memory), null, null, users, null, null, null, null);
    }

    static RedisSpec spec(
            String version,
            String memory,
            EvictionPolicy eviction,
            RedisPersistence persistence,
            List<RedisUserSpec> users,
            ComputeResources resources,
            DeletionPolicy deletion) {
        return new RedisSpec(
                version, new Quantity(memory), eviction, persistence, users, resources, deletion, null, null);
    }

    static RedisUserSpec user(String name, Access access, String prefix) {
        return new RedisUserSpec(name, access, prefix);
    }
}
