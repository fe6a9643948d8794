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
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack's PrometheusRule and the stacks' dashboard: what they contain, and which spec fields and settings reach them. */
class AlertsAndDashboardsTest {
    private static final PlatformSettings PLATFORM = new PlatformSettings(
            null, io.atonix.operator.common.NetworkSettings.defaults(), MonitoringSettings.parse("release=prom"));

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
    void oneDashboardServesEveryStackWithARowRepeatedPerDeploymentOfTheChosenStack() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(StackDashboards.json());
        assertThat(dashboard.path("uid").asText()).isEqualTo(StackDashboards.UID);
        JsonNode variables = dashboard.path("templating").path("list");
        assertThat(variables.findValuesAsText("name")).containsExactly("datasource", "namespace", "stack", "service");
        JsonNode service = variables.get(3);
        assertThat(service.path("multi").asBoolean()).isTrue();
        assertThat(service.path("includeAll").asBoolean()).isTrue();
        assertThat(service.path("current").path("value").get(0).asText())
                .as("all by default")
                .isEqualTo("$__all");
        assertThat(service.path("definition").asText())
                .as("kube-state-metrics' defaults label a Deployment's series with its name, not its labels")
                .isEqualTo("label_values(kube_deployment_spec_replicas{namespace=\"$namespace\","
                        + " deployment=~\"$stack-.+\"}, deployment)");

        List<String> rows = new java.util.ArrayList<>();
        List<String> repeats = new java.util.ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p.path("title").asText());
                repeats.add(p.path("repeat").asText());
                assertThat(p.path("collapsed").asBoolean())
                        .as("an expanded row: its panels follow it in the dashboard's list")
                        .isFalse();
            } else {
                assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                p.path("targets")
                        .forEach(t -> assertThat(t.path("expr").asText())
                                .contains("$namespace")
                                .containsAnyOf("$stack", "$service"));
            }
        });
        assertThat(rows).containsExactly("Stack", "$service", "PostgreSQL", "Redis");
        assertThat(repeats).containsExactly("", "service", "", "");
        assertThat(StackDashboards.json())
                .as("the backups' age is there for every stack: it shows no data where a stack has none")
                .contains("kube_cronjob_status_last_successful_time{namespace=\\\"$namespace\\\","
                        + " cronjob=\\\"$stack-postgres-backups\\\"}");
    }

    @Test
    void theDashboardsQueriesNameTheObjectsTheOperatorCreatesForAStack() {
        AppStack stack = MonitoredStacks.full();
        List<String> deployments = io.atonix.operator.appstack.AppStackResources.desired(
                        stack, PLATFORM, names -> java.util.Optional.empty())
                .stream()
                .filter(o -> o.getKind().equals("Deployment"))
                .map(o -> o.getMetadata().getName())
                .toList();
        assertThat(deployments).isNotEmpty().allMatch(name -> name.matches("shop-.+"));
        String json = StackDashboards.json().replace("$stack", "shop");
        assertThat(json)
                .contains("service=\\\"shop-postgres\\\"", "service=\\\"shop-redis\\\"")
                .contains("cronjob=\\\"shop-postgres-backups\\\"");
        assertThat(StackDashboards.link("shop", "my-stack"))
                .isEqualTo("/d/atonix-stacks?var-namespace=shop&var-stack=my-stack");
    }

    @Test
    void malformedSettingsAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> MonitoringSettings.parse("release"))
                .hasMessageContaining(MonitoringSettings.PROMETHEUS_LABELS)
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> MonitoringSettings.parse("bad key=x")).hasMessageContaining("'bad key'");
        assertThat(MonitoringSettings.parse(" a=1 , example.com/b = 2 ,").prometheusLabels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "example.com/b", "2"));
    }

    private static BackupSpec backup(String schedule) {
        return BackupSpec.toVolume(schedule, null, VolumeSpec.of("10Gi"));
    }
}
