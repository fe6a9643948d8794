package io.atonix.api.v1alpha1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value =
                "!has(self.storage) || !has(oldSelf.storage) || quantity(string(self.storage)).compareTo(quantity(string(oldSelf.storage))) >= 0",
        message = "storage cannot shrink",
        fieldPath = ".storage")
public record RedisPersistence(
        @Default("AppendOnly")
        @JsonPropertyDescription(
                "How Redis keeps its data: AppendOnly (default) writes an append-only file to a volume that survives restarts; None keeps it in memory only, on no volume. Whether there is a volume cannot change after creation.")
        RedisPersistenceMode mode,

        @Default("\"1Gi\"") @JsonPropertyDescription("Size of the data volume. It can grow but never shrink.")
        Quantity storage,

        @Size(max = 253)
        @JsonPropertyDescription("StorageClass of the data volume. Defaults to the cluster's default StorageClass.")
        String storageClassName) {}
