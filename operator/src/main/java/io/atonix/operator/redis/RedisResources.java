package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.SecretChecksum;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Every object the operator creates for a Redis, as a pure function, in the order a person would apply them. */
public final class RedisResources {

    private RedisResources() {}

    /** @param password gives the passwords of the credential Secrets, which the operator generates when it creates them */
    public static List<HasMetadata> desired(Redis redis, Supplier<String> password) {
        Map<String, Secret> credentials = RedisSecrets.all(redis, password);
        Map<String, String> passwords =
                RedisSecrets.passwords(redis, credentials).orElseThrow();
        List<HasMetadata> objects = new ArrayList<>(credentials.values());
        objects.add(RedisAcl.desired(redis, passwords));
        objects.add(RedisConfig.desired(redis));
        objects.add(RedisServices.desired(redis));
        objects.add(RedisStatefulSets.desired(
                redis,
                passwords,
                Optional.ofNullable(credentials.get(RedisTls.secretName(redis)))
                        .flatMap(tls -> SecretChecksum.of(List.of(tls)))));
        return objects;
    }

    /** {@link #desired} and the Redis' monitoring objects: what the operator creates where the Prometheus Operator runs. */
    public static List<HasMetadata> withMonitoring(Redis redis, PlatformSettings platform, Supplier<String> password) {
        List<HasMetadata> objects = desired(redis, password);
        objects.addAll(RedisMonitoring.desired(redis, platform));
        return objects;
    }
}
