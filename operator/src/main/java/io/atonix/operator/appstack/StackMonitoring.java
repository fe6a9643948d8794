package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.monitoring.PrometheusLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monitoring objects of a stack, as pure functions: its services' ServiceMonitors and its PrometheusRule
 * ({@link StackAlerts}). The dependents create them where the cluster runs the Prometheus Operator; the render command
 * prints them. The Grafana dashboard is one for all stacks ({@link StackDashboards}), which the chart ships.
 */
public final class StackMonitoring {

    private StackMonitoring() {}

    /** Every monitoring object of the stack, in the order a person would apply them. */
    public static List<HasMetadata> desired(AppStack stack, PlatformSettings platform) {
        List<HasMetadata> objects = new ArrayList<>(
                AppStackResources.perService(stack, (s, service) -> serviceMonitor(s, service, platform))
                        .values());
        StackAlerts.desired(stack, platform).ifPresent(objects::add);
        return objects;
    }

    /** A stack's spec.monitoring, or its defaults when the spec has none. */
    static MonitoringSpec monitoring(AppStack stack) {
        return stack.getSpec().monitoring() == null
                ? MonitoringSpec.defaults()
                : stack.getSpec().monitoring();
    }

    /** The ServiceMonitor of a service that declares metrics, when the stack has scraping on. */
    public static Optional<ServiceMonitor> serviceMonitor(
            AppStack stack, ServiceSpec service, PlatformSettings platform) {
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
                        .withLabels(PrometheusLabels.on(
                                Labels.forService(stackName, service.name()),
                                platform.monitoring(),
                                monitoring.labels()))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(Labels.serviceSelector(stackName, service.name()))
                .endSelector()
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
}
