package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.QualifiedNames;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Keys only: a rule over the values too exceeds the API server's cost budget (they have no maxLength, and adding one
// would tighten the released schema), so render and the controller check the values.
@ValidationRule(
        value = "!has(self.labels) || self.labels.all(k, k.matches('" + QualifiedNames.KEY + "'))",
        message =
                "a label key is an optional DNS subdomain and '/', then a name of at most 63 letters, digits, '-', '_' and '.'",
        fieldPath = ".labels")
public record MonitoringSpec(
        @Default("true")
        @JsonPropertyDescription(
                "Creates ServiceMonitors for services that declare metrics and for the data stores' exporters.")
        Boolean enabled,

        @Default("true") @JsonPropertyDescription("Creates a PrometheusRule with the stack's default alerts.")
        Boolean alerts,

        // Kept in v1beta1: the operator wrote a dashboard ConfigMap per stack before the chart shipped one for all.
        @Default("true")
        @JsonPropertyDescription(
                "Deprecated: one Grafana dashboard, shipped by the chart, shows every stack. Only whether the Monitoring component's message links the stack in it.")
        Boolean dashboard,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Labels added to the ServiceMonitors and PrometheusRule, on top of those the operator is configured with, so that a Prometheus selects them.")
        Map<String, String> labels,

        @JsonPropertyDescription("When the default alerts fire.")
        AlertThresholds thresholds) {

    public MonitoringSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** What an unset monitoring field means: everything on, no labels of its own, default thresholds. */
    public static MonitoringSpec defaults() {
        return new MonitoringSpec(null, null, null, null, null);
    }

    public boolean scrapingEnabled() {
        return enabled == null || enabled;
    }

    public boolean alertsEnabled() {
        return alerts == null || alerts;
    }

    public boolean dashboardEnabled() {
        return dashboard == null || dashboard;
    }

    public AlertThresholds thresholdsOrDefault() {
        return thresholds == null ? AlertThresholds.defaults() : thresholds;
    }
}
