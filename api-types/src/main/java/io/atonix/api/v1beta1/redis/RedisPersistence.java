package io.atonix.api.v1beta1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RedisPersistence(
        @Default("AppendOnly")
        @JsonPropertyDescription(
                "How Redis keeps its data: AppendOnly (default) writes an append-only file to a volume that survives restarts; None keeps it in memory only, on no volume. Whether there is a volume cannot change after creation.")
        RedisPersistenceMode mode,

        @Default("{\"size\": \"1Gi\"}")
        @JsonPropertyDescription(
                "The data volume of a mode that keeps one: its size (1Gi by default; it can grow but never shrink) and StorageClass.")
        VolumeSpec storage) {}
