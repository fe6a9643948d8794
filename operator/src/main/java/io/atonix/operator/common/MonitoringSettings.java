package io.atonix.operator.common;

import java.util.Map;

/**
 * How the platform's Prometheus and Grafana find what the operator creates for monitoring.
 *
 * @param prometheusLabels labels on every ServiceMonitor and PrometheusRule, which the platform's Prometheus selects on
 * @param dashboardLabel the label the Grafana dashboard sidecar watches ConfigMaps for
 */
public record MonitoringSettings(Map<String, String> prometheusLabels, Map.Entry<String, String> dashboardLabel) {
    public static final String PROMETHEUS_LABELS = "atonix.monitoring.prometheus-labels";
    public static final String DASHBOARD_LABEL = "atonix.monitoring.grafana-dashboard-label";
    public static final String DEFAULT_DASHBOARD_LABEL = "grafana_dashboard=1";

    public MonitoringSettings {
        prometheusLabels = Map.copyOf(prometheusLabels);
        dashboardLabel = Map.entry(dashboardLabel.getKey(), dashboardLabel.getValue());
    }

    public static MonitoringSettings defaults() {
        return parse("", DEFAULT_DASHBOARD_LABEL);
    }

    /** The settings from their text form; a malformed label is an IllegalArgumentException naming the setting. */
    public static MonitoringSettings parse(String prometheusLabels, String dashboardLabel) {
        return new MonitoringSettings(
                LabelPairs.parse(PROMETHEUS_LABELS, prometheusLabels),
                LabelPairs.single(DASHBOARD_LABEL, dashboardLabel));
    }
}
