package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * A persistent volume a data store asks for: the one shape of every volume in the API (PostgreSQL's and Redis' data,
 * backups). Its rule that the size never shrinks is written here once and holds wherever the shape is used.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "quantity(string(self.size)).compareTo(quantity(string(oldSelf.size))) >= 0",
        message = "a volume cannot shrink",
        fieldPath = ".size")
public record VolumeSpec(
        @Required
        @JsonPropertyDescription(
                "Size of the volume, a quantity such as 10Gi. It can grow (when the StorageClass allows expansion) but never shrink.")
        Quantity size,

        @Size(max = 253)
        @JsonPropertyDescription("StorageClass of the volume. Defaults to the cluster's default StorageClass.")
        String storageClassName) {

    public static VolumeSpec of(String size) {
        return new VolumeSpec(new Quantity(size), null);
    }
}
