package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;

/** How a Postgres bootstrapped by recovery came out of it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RecoveryStatus(
        @Format(Format.DATE_TIME)
        @JsonPropertyDescription("When the operator first found the server out of recovery, promoted (RFC 3339).")
        String endedAt,

        @JsonPropertyDescription(
                "The timeline the server writes on after recovery: one more than the source's, so that the archive keeps both histories apart.")
        Long timeline) {}
