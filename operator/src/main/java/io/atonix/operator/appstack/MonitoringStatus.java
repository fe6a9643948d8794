package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's Monitoring component: active, or unavailable because the cluster does not run the Prometheus Operator.
 * Monitoring is optional to a stack, so an unavailable one is reported but never holds readiness back.
 */
public final class MonitoringStatus {
    public static final String COMPONENT = "Monitoring";
    public static final String REASON_ACTIVE = "Active";
    public static final String REASON_UNAVAILABLE = "PrometheusOperatorNotInstalled";

    private MonitoringStatus() {}

    /** The status with the Monitoring component added, when the stack wants any monitoring at all. */
    public static AppStackStatus withComponent(
            AppStack stack, AppStackStatus status, boolean prometheusOperatorInstalled) {
        MonitoringSpec monitoring = StackMonitoring.monitoring(stack);
        if (!monitoring.scrapingEnabled() && !monitoring.alertsEnabled() && !monitoring.dashboardEnabled()) {
            return status;
        }
        ComponentStatus component = prometheusOperatorInstalled
                ? ComponentStatus.of(COMPONENT, null, true, REASON_ACTIVE, dashboard(stack, monitoring))
                : ComponentStatus.of(
                        COMPONENT,
                        null,
                        false,
                        REASON_UNAVAILABLE,
                        "monitoring is unavailable: the cluster has no monitoring.coreos.com ServiceMonitor and PrometheusRule CRDs"
                                + " (the Prometheus Operator is not installed), so no ServiceMonitors or alert rules are"
                                + " created; they are once it is installed. Everything else of the stack is reconciled.");
        List<ComponentStatus> components = new ArrayList<>(status.components());
        components.add(component);
        return new AppStackStatus(status.observedGeneration(), status.conditions(), status.services(), components);
    }

    /** Where the shared Grafana dashboard shows this stack, so people find it; nothing when the spec turns it off. */
    private static String dashboard(AppStack stack, MonitoringSpec monitoring) {
        if (!monitoring.dashboardEnabled()) {
            return null;
        }
        return "Grafana dashboard: "
                + StackDashboards.link(
                        stack.getMetadata().getNamespace(), stack.getMetadata().getName());
    }
}
