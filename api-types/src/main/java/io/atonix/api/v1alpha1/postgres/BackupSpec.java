package io.atonix.api.v1alpha1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BackupSpec(
        @Required
        @Size(min = 9, max = 64)
        @JsonPropertyDescription(
                "When logical backups run, in cron syntax (for example \"0 3 * * *\" for 03:00 every day), in the time zone of the cluster's controller manager.")
        String schedule,

        @Default("7")
        @Min(1)
        @Max(365)
        @JsonPropertyDescription(
                "How many backups of each database are kept; older ones are removed after a successful backup.")
        Integer retain,

        @Default("\"10Gi\"") @JsonPropertyDescription("Size of the volume that holds the backups.")
        Quantity storage,

        @JsonPropertyDescription("StorageClass of the backup volume. Defaults to the cluster's default StorageClass.")
        String storageClassName) {}
