package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Prometheus scraping of a data store's metrics exporter. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExporterMonitoring(
        @Default("true")
        @JsonPropertyDescription(
                "Creates a ServiceMonitor for the metrics exporter when the cluster runs the Prometheus Operator.")
        Boolean enabled,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Labels added to the ServiceMonitor, on top of those the operator is configured with, so that a Prometheus selects it. A stack's Postgres and Redis have the stack's spec.monitoring labels.")
        Map<String, String> labels) {

    public ExporterMonitoring {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static ExporterMonitoring defaults() {
        return new ExporterMonitoring(null, null);
    }

    public boolean scrapingEnabled() {
        return enabled == null || enabled;
    }
}
