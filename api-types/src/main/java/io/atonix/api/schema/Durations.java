package io.atonix.api.schema;

/**
 * The one format of a duration written as a string in the API: a whole number of seconds, minutes or hours, as
 * Prometheus reads it ({@code 30s}, {@code 5m}, {@code 26h}). Counts of seconds of Kubernetes' own shapes (a probe's
 * periodSeconds) stay integers, as Kubernetes writes them.
 */
public final class Durations {
    public static final String PATTERN = "^[1-9][0-9]{0,5}(s|m|h)$";

    private Durations() {}
}
