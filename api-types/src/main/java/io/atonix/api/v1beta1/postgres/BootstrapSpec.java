package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * How a new Postgres gets its first data. Without it, initdb creates an empty server. It is read once, when the data
 * volume is empty, and cannot change afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BootstrapSpec(
        @Required
        @JsonPropertyDescription("Recover another Postgres' archive from an object store, up to a point in time.")
        RecoverySpec recovery) {}
