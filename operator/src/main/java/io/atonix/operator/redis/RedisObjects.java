package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.RetainedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** Metadata shared by the objects of one Redis, and the finishing step every updatable desired object passes through. */
final class RedisObjects {
    private RedisObjects() {}

    static ObjectMeta metadata(Redis redis, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(redis.getMetadata().getNamespace())
                .withLabels(Labels.forRedis(redis.getMetadata().getName(), partOf(redis)))
                .withOwnerReferences(Owners.controller(redis))
                .build();
    }

    /** The metadata of a credential Secret, kept to reopen the data: owned only under deletionPolicy Delete. */
    static ObjectMeta kept(Redis redis, String name) {
        return RetainedData.held(metadata(redis, name), redis, redis.getSpec().deletionPolicy(), true);
    }

    static Map<String, String> selector(Redis redis) {
        return Map.of(Labels.REDIS, redis.getMetadata().getName());
    }

    /** A child Redis of an AppStack is part of the stack (its part-of label says which); a standalone one of itself. */
    static String partOf(Redis redis) {
        Map<String, String> labels = redis.getMetadata().getLabels();
        String stack = labels == null ? null : labels.get(Labels.PART_OF);
        return stack != null ? stack : redis.getMetadata().getName();
    }

    static <T extends HasMetadata> T finish(T object) {
        return DesiredHash.stamp(object);
    }
}
