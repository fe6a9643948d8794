package io.atonix.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.operator.common.PrometheusSettings;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The platform's Prometheus for KEDA, from the chart's values to the settings the operator reads. */
class ChartKedaTest {

    private static Map<String, String> env(RenderedChart chart) {
        return chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b, TreeMap::new));
    }

    @Test
    void thePlatformsPrometheusAndItsClusterTriggerAuthenticationReachTheOperatorAsItReadsThem() {
        assertThat(env(RenderedChart.render("")))
                .doesNotContainKeys(
                        "ATONIX_KEDA_PROMETHEUS_SERVER_ADDRESS",
                        "ATONIX_KEDA_PROMETHEUS_AUTHENTICATION_NAME",
                        "ATONIX_KEDA_PROMETHEUS_AUTH_MODES");
        Map<String, String> env = env(RenderedChart.render("""
                keda:
                  prometheus:
                    serverAddress: https://prometheus.monitoring.svc:9091
                    authentication: { name: platform-prometheus, modes: [bearer, tls] }
                """));
        assertThat(env)
                .containsEntry("ATONIX_KEDA_PROMETHEUS_SERVER_ADDRESS", "https://prometheus.monitoring.svc:9091")
                .containsEntry("ATONIX_KEDA_PROMETHEUS_AUTHENTICATION_NAME", "platform-prometheus")
                .containsEntry("ATONIX_KEDA_PROMETHEUS_AUTH_MODES", "bearer,tls");
        PrometheusSettings read = new PrometheusSettings(
                env.get("ATONIX_KEDA_PROMETHEUS_SERVER_ADDRESS"),
                env.get("ATONIX_KEDA_PROMETHEUS_AUTHENTICATION_NAME"),
                PrometheusSettings.modes(env.get("ATONIX_KEDA_PROMETHEUS_AUTH_MODES")));
        assertThat(read.authModes()).containsExactly("bearer", "tls");
    }

    @Test
    void anAuthenticationWithoutModesAndModesKedaRefusesFailTheRender() {
        assertThatThrownBy(() -> RenderedChart.render("keda: { prometheus: { authentication: { name: p } } }\n"))
                .hasMessageContaining("modes");
        assertThatThrownBy(() -> RenderedChart.render(
                        "keda: { prometheus: { authentication: { name: p, modes: [bearer, basic] } } }\n"))
                .hasMessageContaining("modes");
        assertThatThrownBy(() ->
                        RenderedChart.render("keda: { prometheus: { authentication: { name: p, modes: [oauth] } } }\n"))
                .hasMessageContaining("modes");
        assertThatThrownBy(() -> RenderedChart.render("keda: { prometheus: { authentication: { modes: [tls] } } }\n"))
                .hasMessageContaining("modes");
        assertThatThrownBy(() -> RenderedChart.render("keda: { prometheus: { serverAddress: prometheus:9090 } }\n"))
                .hasMessageContaining("serverAddress");
    }
}
