package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The Service of a Redis, named like it, so that its host name is {@code <name>.<namespace>.svc}. */
public final class RedisServices {

    private RedisServices() {}

    public static Service desired(Redis redis) {
        return RedisObjects.finish(new ServiceBuilder()
                .withMetadata(RedisObjects.metadata(redis, redis.getMetadata().getName()))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(RedisObjects.selector(redis))
                .addNewPort()
                .withName("redis")
                .withPort(RedisConfig.PORT)
                .withTargetPort(new IntOrString("redis"))
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName("metrics")
                .withPort(RedisStatefulSets.EXPORTER_PORT)
                .withTargetPort(new IntOrString("metrics"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build());
    }
}
