package io.atonix.operator.monitoring;

import io.atonix.api.v1beta1.common.ExporterMonitoring;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceMonitors (monitoring.coreos.com/v1) for the kinds to build theirs with: the one of a data store's exporter,
 * and the conventions every ServiceMonitor follows. Each is named like the Service it scrapes and selects it by the
 * operator's labels, so the selector can never miss a label the Service lacks.
 */
public final class ServiceMonitors {
    /** The Service port every exporter beside a data store is exposed on. */
    public static final String EXPORTER_PORT = "metrics";

    static final String EXPORTER_INTERVAL = "30s";

    private ServiceMonitors() {}

    /**
     * The ServiceMonitor of the exporter beside a data store, when its monitoring has scraping on: named like the data
     * store, whose Services expose the exporter as port "metrics".
     *
     * @param labels the labels of the data store's objects; {@code selector} those that pick its Services
     */
    public static Optional<ServiceMonitor> forExporter(
            HasMetadata store,
            ExporterMonitoring monitoring,
            Map<String, String> labels,
            Map<String, String> selector,
            PlatformSettings platform) {
        if (!monitoring.scrapingEnabled()) {
            return Optional.empty();
        }
        return Optional.of(build(
                store, store.getMetadata().getName(), labels, selector, platform.monitoring(), monitoring.labels()));
    }

    /**
     * A ServiceMonitor owned by {@code owner} that scrapes port "metrics" of the Services matching {@code selector}.
     * Services that match but have no such port (a StatefulSet's headless Service) give no targets.
     */
    private static ServiceMonitor build(
            HasMetadata owner,
            String name,
            Map<String, String> labels,
            Map<String, String> selector,
            MonitoringSettings settings,
            Map<String, String> own) {
        return DesiredHash.stamp(new ServiceMonitorBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(owner.getMetadata().getNamespace())
                        .withLabels(PrometheusLabels.on(labels, settings, own))
                        .withOwnerReferences(Owners.controller(owner))
                        .build())
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withEndpoints(List.of(new io.fabric8.openshift.api.model.monitoring.v1.EndpointBuilder()
                        .withPort(EXPORTER_PORT)
                        .withPath("/metrics")
                        .withInterval(EXPORTER_INTERVAL)
                        .build()))
                .endSpec()
                .build());
    }
}
