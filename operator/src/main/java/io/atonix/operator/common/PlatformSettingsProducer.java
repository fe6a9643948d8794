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
        return new PlatformSettings(config.ingressClassName().orElse(null),
                MonitoringSettings.parse(config.monitoring().prometheusLabels().orElse(""), config.monitoring().grafanaDashboardLabel()));
    }
}
