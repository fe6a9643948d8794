package io.atonix.api.v1beta1.redis;

/**
 * How Redis keeps its data: a mode rather than a switch, so that RDB snapshots can join without a new field.
 * AppendOnly writes an append-only file to a volume that survives restarts; None keeps the data in memory only.
 */
public enum RedisPersistenceMode {
    AppendOnly,
    None
}
