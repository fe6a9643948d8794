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
                MonitoringSettings.parse(config.monitoring().prometheusLabels().orElse("")),
                edge(config.edge()),
                prometheus(config.keda().prometheus()),
                new CosiSettings(config.cosi().bucketAccessClassName().orElse(null)));
    }

    /** The platform's Prometheus for KEDA; settings that contradict each other stop the operator at start. */
    static PrometheusSettings prometheus(OperatorConfig.KedaPrometheus prometheus) {
        return new PrometheusSettings(
                prometheus.serverAddress().orElse(null),
                prometheus.authenticationName().orElse(null),
                PrometheusSettings.modes(prometheus.authModes().orElse("")));
    }

    /** The edge settings; a Gateway mode without its Gateway stops the operator at start with a clear message. */
    static EdgeSettings edge(OperatorConfig.Edge edge) {
        EdgeSettings.Mode mode = EdgeSettings.mode(edge.mode());
        if (mode == EdgeSettings.Mode.Ingress) {
            return EdgeSettings.ingress();
        }
        return EdgeSettings.gateway(new EdgeSettings.GatewayRef(
                edge.gatewayNamespace().orElse(null),
                edge.gatewayName().orElse(null),
                edge.gatewaySectionName().orElse(null)));
    }

    @Produces
    @Singleton
    WaitBounds waitBounds(OperatorConfig config) {
        var waits = config.waits();
        return new WaitBounds(
                waits.kafkaUnmanaged(), waits.kafkaUserSecret(), waits.volumeExpansion(), waits.referencedSecret());
    }
}
