package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Durations;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** When the stack's default alerts fire. Durations are Prometheus durations of whole seconds, minutes or hours. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlertThresholds(
        @Default("\"5m\"")
        @Pattern(Durations.PATTERN)
        @JsonPropertyDescription(
                "How long a service has unavailable replicas, a container waits in CrashLoopBackOff, or an exporter reports its server down before the alert fires, for example 5m.")
        String downFor,

        @Default("3")
        @Min(1)
        @Max(1000)
        @JsonPropertyDescription("Container restarts within restartWindow that make a pod's restarts an alert.")
        Integer restarts,

        @Default("\"15m\"")
        @Pattern(Durations.PATTERN)
        @JsonPropertyDescription("The window in which restarts are counted, for example 15m.")
        String restartWindow,

        @Default("80")
        @Min(1)
        @Max(100)
        @JsonPropertyDescription("Percent of PostgreSQL's max_connections in use above which an alert fires.")
        Integer postgresConnectionsPercent,

        @Default("90")
        @Min(1)
        @Max(100)
        @JsonPropertyDescription("Percent of Redis' maxmemory in use above which an alert fires.")
        Integer redisMemoryPercent,

        @Pattern(Durations.PATTERN)
        @JsonPropertyDescription(
                "Age of the last successful backup above which an alert fires, for example 26h. Defaults to the longest interval between two runs of the backup schedule plus one hour.")
        String backupMaxAge) {

    public static final String DEFAULT_DOWN_FOR = "5m";
    public static final int DEFAULT_RESTARTS = 3;
    public static final String DEFAULT_RESTART_WINDOW = "15m";
    public static final int DEFAULT_POSTGRES_CONNECTIONS_PERCENT = 80;
    public static final int DEFAULT_REDIS_MEMORY_PERCENT = 90;

    public static AlertThresholds defaults() {
        return new AlertThresholds(null, null, null, null, null, null);
    }

    public String downForOrDefault() {
        return downFor == null ? DEFAULT_DOWN_FOR : downFor;
    }

    public int restartsOrDefault() {
        return restarts == null ? DEFAULT_RESTARTS : restarts;
    }

    public String restartWindowOrDefault() {
        return restartWindow == null ? DEFAULT_RESTART_WINDOW : restartWindow;
    }

    public int postgresConnectionsPercentOrDefault() {
        return postgresConnectionsPercent == null ? DEFAULT_POSTGRES_CONNECTIONS_PERCENT : postgresConnectionsPercent;
    }

    public int redisMemoryPercentOrDefault() {
        return redisMemoryPercent == null ? DEFAULT_REDIS_MEMORY_PERCENT : redisMemoryPercent;
    }
}
