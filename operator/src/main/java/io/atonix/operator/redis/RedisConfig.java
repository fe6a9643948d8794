package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * redis.conf of a Redis. It lives in a ConfigMap, so that a change is a change of the pod template (through its hash)
 * and rolls the pod. It holds no password: users and their password hashes are in the ACL file ({@link RedisAcl}).
 */
public final class RedisConfig {
    public static final String FILE = "redis.conf";
    /** Where the config and the ACL file are mounted together (a projected volume). */
    public static final String MOUNT = "/etc/redis";

    public static final String DATA_MOUNT = "/data";
    public static final int PORT = 6379;

    private RedisConfig() {}

    public static String file(Redis redis) {
        var spec = redis.getSpec();
        StringBuilder file = new StringBuilder("# Written by the Atonix operator from Redis ")
                .append(redis.getMetadata().getName())
                .append("; edit the Redis resource instead.\n");
        if (spec.tlsRequired()) {
            file.append(RedisTls.config());
        } else {
            file.append("port ").append(PORT).append('\n');
        }
        // No bind line: Redis listens on every address of the pod (IPv4 and IPv6). Every connection must log in as an
        // ACL user with a password (the default user is off), so protected mode has nothing left to protect.
        file.append("protected-mode no\n");
        file.append("aclfile ").append(MOUNT).append('/').append(RedisAcl.FILE).append('\n');
        file.append("dir ").append(DATA_MOUNT).append('\n');
        file.append("maxmemory ").append(maxmemory(redis)).append('\n');
        file.append("maxmemory-policy ")
                .append(spec.evictionPolicyOrDefault().redisName())
                .append('\n');
        // RDB snapshots are off either way: with persistence the append-only file is the one copy on the volume.
        file.append("save \"\"\n");
        if (spec.persistent()) {
            file.append("appendonly yes\n");
            file.append("appendfsync everysec\n");
        } else {
            file.append("appendonly no\n");
        }
        return file.toString();
    }

    public static ConfigMap desired(Redis redis) {
        return RedisObjects.finish(new ConfigMapBuilder()
                .withMetadata(RedisObjects.metadata(
                        redis, Names.redisConfig(redis.getMetadata().getName())))
                .addToData(FILE, file(redis))
                .build());
    }

    /** spec.memory in bytes, rounded down: redis.conf takes a plain number. */
    static long maxmemory(Redis redis) {
        BigDecimal bytes = Quantities.amount(redis.getSpec().memory());
        return bytes.setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
