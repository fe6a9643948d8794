package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Scheduled backups: when, how many, and where. The target is a field of its own ({@code volume}) so that an object
 * store (WAL archiving and base backups) can join as its one-of sibling; until then the volume is required.
 */
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

        @Required
        @JsonPropertyDescription(
                "The volume that holds the backups (pg_dump per database), for example { size: 10Gi }. It can grow but never shrink.")
        VolumeSpec volume) {}
