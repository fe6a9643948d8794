package io.atonix.operator.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.Metrics;
import io.atonix.api.v1alpha1.appstack.MonitoringSpec;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.api.v1alpha1.common.ExporterMonitoring;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.appstack.Services;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.postgres.PostgresServices;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;

/**
 * ServiceMonitors (monitoring.coreos.com/v1): one per service that declares metrics, one per data store exporter.
 * Each is named like the Service it scrapes and selects it by the operator's labels, so the selector can never miss
 * a label the Service lacks.
 */
public final class ServiceMonitors {
    /** The Service port every exporter beside a data store is exposed on. */
    public static final String EXPORTER_PORT = "metrics";
    static final String EXPORTER_INTERVAL = "30s";

    private ServiceMonitors() {
    }

    /** The ServiceMonitor of a service that declares metrics, when the stack has scraping on. */
    public static Optional<ServiceMonitor> forService(AppStack stack, ServiceSpec service, PlatformSettings platform) {
        MonitoringSpec monitoring = monitoring(stack);
        Optional<String> port = Services.metricsPortName(service);
        if (!monitoring.scrapingEnabled() || port.isEmpty()) {
            return Optional.empty();
        }
        String stackName = stack.getMetadata().getName();
        Metrics metrics = service.metrics();
        return Optional.of(DesiredHash.stamp(new ServiceMonitorBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(Names.service(stackName, service.name()))
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(PrometheusLabels.on(Labels.forService(stackName, service.name()), platform.monitoring(), monitoring.labels()))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withNewSelector().withMatchLabels(Labels.serviceSelector(stackName, service.name())).endSelector()
                // The stack and service as labels of every scraped series, for dashboards and alert routing.
                .withTargetLabels(Labels.STACK, Labels.SERVICE)
                .addNewEndpoint()
                .withPort(port.get())
                .withPath(metrics.pathOrDefault())
                .withInterval(metrics.intervalOrDefault())
                .endEndpoint()
                .endSpec()
                .build()));
    }

    /** The ServiceMonitor of a Postgres' postgres_exporter, which its read-write Service exposes as port "metrics". */
    public static Optional<ServiceMonitor> forPostgres(Postgres postgres, PlatformSettings platform) {
        ExporterMonitoring monitoring = postgres.getSpec().monitoringOrDefault();
        if (!monitoring.scrapingEnabled()) {
            return Optional.empty();
        }
        return Optional.of(forExporter(postgres, postgres.getMetadata().getName(), PostgresServices.labels(postgres),
                PostgresServices.selector(postgres), platform.monitoring(), monitoring.labels()));
    }

    /**
     * The ServiceMonitor of a Redis' redis_exporter: its Service, named like the Redis, exposes port "metrics".
     *
     * @param labels the labels of the Redis' objects; {@code selector} those that pick its Services
     */
    public static Optional<ServiceMonitor> forRedis(HasMetadata redis, ExporterMonitoring monitoring, Map<String, String> labels,
            Map<String, String> selector, PlatformSettings platform) {
        if (!monitoring.scrapingEnabled()) {
            return Optional.empty();
        }
        return Optional.of(forExporter(redis, redis.getMetadata().getName(), labels, selector, platform.monitoring(), monitoring.labels()));
    }

    /**
     * A ServiceMonitor owned by {@code owner} that scrapes port "metrics" of the Services matching {@code selector}.
     * Services that match but have no such port (a StatefulSet's headless Service) give no targets.
     */
    static ServiceMonitor forExporter(HasMetadata owner, String name, Map<String, String> labels, Map<String, String> selector,
            MonitoringSettings settings, Map<String, String> own) {
        return DesiredHash.stamp(new ServiceMonitorBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(owner.getMetadata().getNamespace())
                        .withLabels(PrometheusLabels.on(labels, settings, own))
                        .withOwnerReferences(Owners.controller(owner))
                        .build())
                .withNewSpec()
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withEndpoints(List.of(new io.fabric8.openshift.api.model.monitoring.v1.EndpointBuilder()
                        .withPort(EXPORTER_PORT).withPath("/metrics").withInterval(EXPORTER_INTERVAL).build()))
                .endSpec()
                .build());
    }

    static MonitoringSpec monitoring(AppStack stack) {
        return stack.getSpec().monitoring() == null ? MonitoringSpec.defaults() : stack.getSpec().monitoring();
    }
}
