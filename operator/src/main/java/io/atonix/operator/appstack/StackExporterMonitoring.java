package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.common.ExporterMonitoring;

/**
 * The monitoring of a stack's data store exporters (its child Postgres' and Redis'): the stack's spec.monitoring, so
 * that a stack that turns scraping off gets no exporter ServiceMonitor and the stack's labels reach the exporters'.
 */
final class StackExporterMonitoring {

    private StackExporterMonitoring() {}

    /** The child's spec.monitoring; null (the default: on, no labels) when the stack asks for nothing else. */
    static ExporterMonitoring of(AppStack stack) {
        MonitoringSpec monitoring = stack.getSpec().monitoring() == null
                ? MonitoringSpec.defaults()
                : stack.getSpec().monitoring();
        if (monitoring.scrapingEnabled() && monitoring.labels().isEmpty()) {
            return null;
        }
        return new ExporterMonitoring(monitoring.scrapingEnabled(), monitoring.labels());
    }
}
