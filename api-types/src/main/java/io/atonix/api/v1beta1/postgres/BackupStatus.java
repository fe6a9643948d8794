package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;

/** What the object store holds, as the last base backup found it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BackupStatus(
        @Format(Format.DATE_TIME) @JsonPropertyDescription("When the newest successful base backup ended (RFC 3339).")
        String lastSuccessfulBackup,

        @Format(Format.DATE_TIME)
        @JsonPropertyDescription(
                "The earliest time a new Postgres can recover to: the end of the oldest base backup kept (RFC 3339).")
        String firstRecoverabilityPoint) {}
