package io.atonix.api.v1beta1.redis;

/** Redis' maxmemory-policy: which keys Redis evicts when it reaches its memory limit. */
public enum EvictionPolicy {
    NoEviction("noeviction"),
    AllKeysLRU("allkeys-lru"),
    AllKeysLFU("allkeys-lfu"),
    AllKeysRandom("allkeys-random"),
    VolatileLRU("volatile-lru"),
    VolatileLFU("volatile-lfu"),
    VolatileRandom("volatile-random"),
    VolatileTTL("volatile-ttl");

    private final String redisName;

    EvictionPolicy(String redisName) {
        this.redisName = redisName;
    }

    /** The value redis.conf takes. */
    public String redisName() {
        return redisName;
    }
}
