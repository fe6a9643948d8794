package io.atonix.operator.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns the operator's configuration into the settings the pure builders take. */
@ApplicationScoped
public class PlatformSettingsProducer {

    @Produces
    @Singleton
    PlatformSettings platformSettings(OperatorConfig config) {
        var network = config.networkPolicy();
        return new PlatformSettings(
                config.ingressClassName().orElse(null),
                new NetworkSettings(
                        network.ingressNamespace(), network.prometheusNamespace(), network.operatorNamespace()),
                MonitoringSettings.parse(
                        config.monitoring().prometheusLabels().orElse(""),
                        config.monitoring().grafanaDashboardLabel()));
    }

    @Produces
    @Singleton
    WaitBounds waitBounds(OperatorConfig config) {
        var waits = config.waits();
        return new WaitBounds(
                waits.kafkaUnmanaged(), waits.kafkaUserSecret(), waits.volumeExpansion(), waits.referencedSecret());
    }
}
