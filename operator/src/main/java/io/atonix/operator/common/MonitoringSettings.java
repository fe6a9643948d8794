package io.atonix.operator.common;

import java.util.Map;

/**
 * How the platform's Prometheus finds what the operator creates for monitoring. (Grafana's dashboard sidecar finds the
 * one dashboard of all stacks by a label the chart puts on it; the operator writes no dashboard.)
 *
 * @param prometheusLabels labels on every ServiceMonitor and PrometheusRule, which the platform's Prometheus selects on
 */
public record MonitoringSettings(Map<String, String> prometheusLabels) {
    public static final String PROMETHEUS_LABELS = "atonix.monitoring.prometheus-labels";

    public MonitoringSettings {
        prometheusLabels = Map.copyOf(prometheusLabels);
    }

    public static MonitoringSettings defaults() {
        return parse("");
    }

    /** The settings from their text form; a malformed label is an IllegalArgumentException naming the setting. */
    public static MonitoringSettings parse(String prometheusLabels) {
        return new MonitoringSettings(LabelPairs.parse(PROMETHEUS_LABELS, prometheusLabels));
    }
}
