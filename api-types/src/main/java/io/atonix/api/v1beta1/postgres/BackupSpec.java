package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.CronSchedule;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Scheduled backups: when, how many, and where, one of two targets. A volume holds logical dumps (pg_dump per
 * database), which restore a database but not a point in time; an object store holds base backups and the continuous
 * archive of the write-ahead log, from which a new Postgres recovers to any point after its oldest base backup.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "has(self.volume) != has(self.objectStore)",
        message = "backups go to exactly one of volume and objectStore")
@ValidationRule(
        value = "self.schedule.matches('" + CronSchedule.PATTERN + "')",
        message = CronSchedule.MESSAGE,
        fieldPath = ".schedule")
public record BackupSpec(
        @Required
        @Size(min = 9, max = 64)
        @JsonPropertyDescription(
                "When backups run, in cron syntax (for example \"0 3 * * *\" for 03:00 every day), in the time zone of the cluster's controller manager: logical dumps into the volume, or base backups to the object store (the write-ahead log is archived continuously).")
        String schedule,

        @Default("7")
        @Min(1)
        @Max(365)
        @JsonPropertyDescription(
                "How many backups are kept: dumps of each database in the volume, or base backups in the object store (with the write-ahead log that the oldest needs). Older ones are removed after a successful backup.")
        Integer retain,

        @JsonPropertyDescription(
                "The volume that holds logical backups (pg_dump per database), for example { size: 10Gi }. It can grow but never shrink.")
        VolumeSpec volume,

        @JsonPropertyDescription(
                "An S3-compatible object store for continuous archiving: the write-ahead log as it is written, and base backups on the schedule, with barman-cloud (the format CloudNativePG reads). The postgres container then runs ghcr.io/atonix/postgres-barman, the official image with barman-cli-cloud.")
        ObjectStoreSpec objectStore) {

    /** Logical dumps into a volume (the form of backups before object stores). */
    public static BackupSpec toVolume(String schedule, Integer retain, VolumeSpec volume) {
        return new BackupSpec(schedule, retain, volume, null);
    }
}
