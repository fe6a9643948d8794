package io.atonix.operator.monitoring;

import io.atonix.operator.common.MonitoringSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels a Prometheus selects ServiceMonitors and PrometheusRules by. The operator's own labels come first and
 * win: a stack may add labels (to be picked up by a second Prometheus, say) but cannot take away the ones the
 * platform team chose, and neither can replace the operator's standard labels.
 */
public final class PrometheusLabels {

    private PrometheusLabels() {}

    public static Map<String, String> on(
            Map<String, String> standard, MonitoringSettings settings, Map<String, String> own) {
        Map<String, String> labels = new LinkedHashMap<>();
        own.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> labels.put(e.getKey(), e.getValue()));
        labels.putAll(settings.prometheusLabels());
        labels.putAll(standard);
        return labels;
    }
}
