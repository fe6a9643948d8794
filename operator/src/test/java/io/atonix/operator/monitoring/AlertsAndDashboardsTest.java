package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atonix.api.v1beta1.appstack.AlertThresholds;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.operator.appstack.DataStoreAlerts;
import io.atonix.operator.appstack.StackAlerts;
import io.atonix.operator.appstack.StackDashboards;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack's PrometheusRule and dashboard: what they contain, and which spec fields and settings reach them. */
class AlertsAndDashboardsTest {
    private static final PlatformSettings PLATFORM = new PlatformSettings(
            null,
            io.atonix.operator.common.NetworkSettings.defaults(),
            MonitoringSettings.parse("release=prom", "grafana_dashboard=1"));

    @Test
    void everyServiceAndDataStoreHasItsAlertsAndEachNamesTheStackAndComponent() {
        PrometheusRule rule =
                StackAlerts.desired(MonitoredStacks.full(), PLATFORM).orElseThrow();
        assertThat(rule.getMetadata().getName()).isEqualTo("shop-alerts");
        assertThat(rule.getMetadata().getLabels())
                .containsEntry("release", "prom")
                .containsEntry(Labels.STACK, "shop");
        assertThat(rule.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
        assertThat(rule.getMetadata().getAnnotations()).containsKey(DesiredHash.ANNOTATION);
        List<Rule> rules = rule.getSpec().getGroups().get(0).getRules();
        assertThat(rules)
                .extracting(r -> r.getAlert() + "/" + r.getLabels().get(AlertRule.COMPONENT))
                .contains(
                        "AtonixServiceDown/web",
                        "AtonixServiceReplicasUnavailable/api",
                        "AtonixPodCrashLooping/worker",
                        "AtonixPodRestarting/gateway",
                        "AtonixPostgresDown/postgres",
                        "AtonixPostgresConnectionsHigh/postgres",
                        "AtonixPodCrashLooping/postgres",
                        "AtonixPostgresBackupTooOld/postgres-backup",
                        "AtonixRedisDown/redis",
                        "AtonixRedisMemoryHigh/redis",
                        "AtonixPodRestarting/redis");
        for (Rule r : rules) {
            assertThat(r.getLabels())
                    .as(r.getAlert())
                    .containsEntry(AlertRule.STACK, "shop")
                    .containsKey(AlertRule.SEVERITY);
            assertThat(r.getLabels().get(AlertRule.SEVERITY)).isIn("warning", "critical");
            String component = r.getLabels().get(AlertRule.COMPONENT);
            String subject = component.startsWith("postgres")
                    ? "PostgreSQL"
                    : component.equals("redis") ? "Redis" : "ervice " + component;
            assertThat(r.getAnnotations().get("summary"))
                    .as(r.getAlert())
                    .contains("shop/shop")
                    .contains(subject);
            assertThat(r.getAnnotations().get("description"))
                    .as(r.getAlert())
                    .isNotBlank()
                    .contains("shop");
        }
    }

    @Test
    void thresholdsReachTheExpressions() {
        AlertThresholds thresholds = new AlertThresholds("10m", 5, "30m", 70, 95, "50h");
        PrometheusRule rule = StackAlerts.desired(
                        MonitoredStacks.full(MonitoredStacks.monitoring(null, null, null, Map.of(), thresholds)),
                        PLATFORM)
                .orElseThrow();
        Map<String, Rule> byAlert = new java.util.HashMap<>();
        rule.getSpec().getGroups().get(0).getRules().forEach(r -> byAlert.putIfAbsent(r.getAlert(), r));
        assertThat(byAlert.get("AtonixServiceDown").getFor()).isEqualTo("10m");
        assertThat(byAlert.get("AtonixPodCrashLooping").getFor()).isEqualTo("10m");
        assertThat(byAlert.get("AtonixPostgresDown").getFor()).isEqualTo("10m");
        assertThat(byAlert.get("AtonixPodRestarting").getExpr().getStrVal()).contains("[30m]) >= 5");
        assertThat(byAlert.get("AtonixPostgresConnectionsHigh").getExpr().getStrVal())
                .endsWith("> 70");
        assertThat(byAlert.get("AtonixRedisMemoryHigh").getExpr().getStrVal()).endsWith("> 95");
        assertThat(byAlert.get("AtonixPostgresBackupTooOld").getExpr().getStrVal())
                .contains("> 180000");
    }

    @Test
    void alertsOffMeansNoRuleAndAStackWithoutDataStoresHasOnlyServiceAlerts() {
        assertThat(StackAlerts.desired(
                        MonitoredStacks.full(MonitoredStacks.monitoring(null, false, null, Map.of(), null)), PLATFORM))
                .isEmpty();
        AppStack plain = TestStacks.stack("ns", "plain", MonitoredStacks.WEB);
        assertThat(StackAlerts.rules(plain)).extracting(AlertRule::component).containsOnly("web");
    }

    @Test
    void theBackupMaxAgeFollowsTheSchedule() {
        AlertThresholds defaults = AlertThresholds.defaults();
        assertThat(DataStoreAlerts.backupMaxAge(defaults, backup("0 3 * * *"))).contains(Duration.ofHours(25));
        assertThat(DataStoreAlerts.backupMaxAge(defaults, backup("0 3 * * 1-5")))
                .as("Friday to Monday")
                .contains(Duration.ofHours(73));
        assertThat(DataStoreAlerts.backupMaxAge(defaults, backup("@weekly"))).contains(Duration.ofHours(7 * 24 + 1));
        assertThat(DataStoreAlerts.backupMaxAge(
                        new AlertThresholds(null, null, null, null, null, "90m"), backup("@hourly")))
                .contains(Duration.ofMinutes(90));
        assertThat(CronSchedules.longestInterval("*/15 * * * *")).contains(Duration.ofMinutes(15));
        assertThat(CronSchedules.longestInterval("0 0 1 * *")).contains(Duration.ofDays(31));
        assertThat(CronSchedules.longestInterval("30 2 * jan,jul sun"))
                .as("first Sunday of July to the first of January")
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(150)));
        assertThat(CronSchedules.longestInterval("0 0 1,15 * mon"))
                .as("either day field matches")
                .contains(Duration.ofDays(7));
        assertThat(CronSchedules.longestInterval("0 0 30 2 *")).as("never runs").isEmpty();
        assertThat(CronSchedules.longestInterval("0 25 * * *"))
                .as("no such hour")
                .isEmpty();
        assertThat(CronSchedules.longestInterval("every day")).isEmpty();
    }

    @Test
    void theDashboardIsAConfigMapTheGrafanaSidecarFindsWithPanelsPerServiceAndDataStore() throws Exception {
        ConfigMap configMap = StackDashboards.desired(
                        MonitoredStacks.full(),
                        new PlatformSettings(
                                null,
                                io.atonix.operator.common.NetworkSettings.defaults(),
                                MonitoringSettings.parse("", "grafana.example.com/dashboard=shop")))
                .orElseThrow();
        assertThat(configMap.getMetadata().getName()).isEqualTo("shop-dashboard");
        assertThat(configMap.getMetadata().getLabels())
                .containsEntry("grafana.example.com/dashboard", "shop")
                .doesNotContainKey("grafana_dashboard");
        assertThat(StackDashboards.desired(MonitoredStacks.full(), PlatformSettings.defaults())
                        .orElseThrow()
                        .getMetadata()
                        .getLabels())
                .containsEntry("grafana_dashboard", "1");
        assertThat(configMap.getData()).containsOnlyKeys("atonix-shop-shop.json");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.getData().get("atonix-shop-shop.json"));
        assertThat(dashboard.path("uid").asText())
                .hasSizeLessThanOrEqualTo(40)
                .isEqualTo(StackDashboards.uid("shop", "shop"));
        List<String> variables = dashboard.path("templating").path("list").findValuesAsText("name");
        assertThat(variables).containsExactly("datasource", "namespace", "stack");
        List<String> rows = new java.util.ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p.path("title").asText());
            } else {
                assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                p.path("targets")
                        .forEach(t -> assertThat(t.path("expr").asText()).contains("$namespace"));
            }
        });
        assertThat(rows)
                .containsExactly(
                        "Stack",
                        "Service web",
                        "Service api",
                        "Service worker",
                        "Service gateway",
                        "PostgreSQL",
                        "Redis");
        assertThat(configMap.getData().get("atonix-shop-shop.json"))
                .as("nothing of the cluster but the variables' defaults")
                .doesNotContain("shop-api", "shop-postgres");

        assertThat(StackDashboards.desired(
                        MonitoredStacks.full(MonitoredStacks.monitoring(null, null, false, Map.of(), null)), PLATFORM))
                .isEmpty();
    }

    @Test
    void malformedSettingsAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> MonitoringSettings.parse("release", "grafana_dashboard=1"))
                .hasMessageContaining(MonitoringSettings.PROMETHEUS_LABELS)
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> MonitoringSettings.parse("", "a=1,b=2"))
                .hasMessageContaining(MonitoringSettings.DASHBOARD_LABEL);
        assertThatThrownBy(() -> MonitoringSettings.parse("bad key=x", "grafana_dashboard=1"))
                .hasMessageContaining("'bad key'");
        assertThat(MonitoringSettings.parse(" a=1 , example.com/b = 2 ,", "g=").prometheusLabels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "example.com/b", "2"));
    }

    private static BackupSpec backup(String schedule) {
        return BackupSpec.toVolume(schedule, null, VolumeSpec.of("10Gi"));
    }
}
