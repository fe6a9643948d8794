package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Durations;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Metrics(
        @Default("\"/metrics\"")
        @Size(max = 1024)
        @Pattern("^/.*")
        @JsonPropertyDescription("HTTP path that serves Prometheus metrics.")
        String path,

        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("Container port that serves the metrics. Defaults to the service's port.")
        Integer port,

        @Default("\"30s\"")
        @Pattern(Durations.PATTERN)
        @JsonPropertyDescription(
                "How often Prometheus scrapes the metrics: whole seconds, minutes or hours, for example 30s.")
        String interval) {

    public String pathOrDefault() {
        return path == null ? "/metrics" : path;
    }

    public String intervalOrDefault() {
        return interval == null ? "30s" : interval;
    }
}
