package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Where a new Postgres recovers its data from: another server's archive in an object store, up to a point in time.
 * Recovery is never in place: it fills a new, empty data volume, and the source goes on untouched.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RecoverySpec(
        @Required
        @JsonPropertyDescription(
                "The object store of the source's archive, as the source's spec.backup.objectStore names it. Its path defaults to this resource's namespace: set it to the source's namespace when that differs.")
        ObjectStoreSpec objectStore,

        @Required
        @Size(max = 44)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "The name of the Postgres whose archive to recover: its server name in the object store.")
        String source,

        @Format(Format.DATE_TIME)
        @JsonPropertyDescription(
                "Recover the transactions committed up to this time (RFC 3339, for example 2026-12-01T09:30:00Z), from the newest base backup that ended before it; all of the archive when unset.")
        String targetTime) {}
