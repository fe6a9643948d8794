package io.atonix.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.appstack.StackDashboards;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart ships the one dashboard of all stacks: the file StackDashboards builds, labelled for Grafana's sidecar. */
class ChartDashboardTest {
    static final Path FILE = RenderedChart.directory().resolve("files/dashboards/" + StackDashboards.FILE);

    @Test
    void theChartsDashboardFileIsWhatTheBuilderBuilds() throws IOException {
        String built = StackDashboards.json();
        if (!built.equals(Files.readString(FILE))) {
            Path fresh = Path.of("target", StackDashboards.FILE);
            Files.writeString(fresh, built);
            assertThat(Files.readString(FILE))
                    .as("the chart's " + FILE + " drifted from StackDashboards; copy operator/" + fresh + " over it")
                    .isEqualTo(built);
        }
    }

    @Test
    void theChartShipsTheDashboardInItsNamespaceWithTheSidecarsLabel() throws IOException {
        ConfigMap dashboard = RenderedChart.render("")
                .named(ConfigMap.class, RenderedChart.NAMESPACE, RenderedChart.RELEASE + "-dashboard")
                .orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).containsOnlyKeys(StackDashboards.FILE);
        assertThat(dashboard.getData().get(StackDashboards.FILE)).isEqualTo(Files.readString(FILE));
    }

    @Test
    void anotherSidecarLabelReplacesTheDefaultAndTheValueTurnsTheDashboardOff() {
        ConfigMap labelled = RenderedChart.render(
                        "monitoring: { grafanaDashboardLabel: { grafana_dashboard: null, dashboards: \"yes\" } }\n")
                .one(ConfigMap.class);
        assertThat(labelled.getMetadata().getLabels())
                .containsEntry("dashboards", "yes")
                .doesNotContainKey("grafana_dashboard");
        assertThat(RenderedChart.render("monitoring: { dashboard: { enabled: false } }\n")
                        .all(ConfigMap.class))
                .isEmpty();
    }
}
