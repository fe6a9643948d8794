package io.atonix.operator.common;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings a platform team sets once for the operator (Helm values become these properties). */
@ConfigMapping(prefix = "atonix")
public interface OperatorConfig {

    /** IngressClass for exposed services that do not name one; unset leaves the cluster's default class. */
    @WithName("ingress-class-name")
    Optional<String> ingressClassName();

    Monitoring monitoring();

    interface Monitoring {
        /** {@code k=v,k2=v2}: labels on every ServiceMonitor and PrometheusRule, so that the platform's Prometheus selects them. */
        @WithName("prometheus-labels")
        Optional<String> prometheusLabels();

        /** {@code k=v}: the label the Grafana dashboard sidecar watches ConfigMaps for. */
        @WithName("grafana-dashboard-label")
        @WithDefault(MonitoringSettings.DEFAULT_DASHBOARD_LABEL)
        String grafanaDashboardLabel();
    }
}
