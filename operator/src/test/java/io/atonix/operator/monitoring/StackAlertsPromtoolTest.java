package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.api.v1beta1.appstack.AlertThresholds;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.appstack.StackAlerts;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated alert rules through the real promtool: they load, and on synthetic series the alerts fire where a
 * part is broken and stay silent where it is healthy.
 */
class StackAlertsPromtoolTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TempDir
    Path dir;

    @Test
    void everyGeneratedRuleFilePassesPromtoolCheck() throws Exception {
        List<AppStack> stacks = List.of(
                MonitoredStacks.full(),
                MonitoredStacks.full(MonitoredStacks.monitoring(
                        null, null, null, Map.of(), new AlertThresholds("90s", 1, "1h", 1, 100, "999h"))),
                TestStacks.stack("my.namespace", "stack.with.dots", MonitoredStacks.WEB, MonitoredStacks.API),
                TestStacks.stack(
                        "ns",
                        "one",
                        TestStacks.spec(List.of(MonitoredStacks.WORKER), null, null, null, null, null, null)));
        for (AppStack stack : stacks) {
            Path file = ruleFile(stack, stack.getMetadata().getName() + ".rules.yaml");
            String output = Promtool.succeeds("check", "rules", file.toString());
            assertThat(output).contains("SUCCESS");
        }
    }

    @Test
    void rulesReadOnlyMetricsThatExportersProduce() {
        Set<String> read = new TreeSet<>();
        for (Rule rule : rules(MonitoredStacks.full())) {
            read.addAll(PromQlNames.metrics(rule.getExpr().getStrVal()));
        }
        assertThat(read).isNotEmpty().isSubsetOf(KnownMetrics.forStacks());
        assertThat(read)
                .as("the alerts the issue asks for read these")
                .contains(
                        "kube_deployment_status_replicas_unavailable",
                        "kube_pod_container_status_restarts_total",
                        "kube_pod_container_status_waiting_reason",
                        "pg_up",
                        "pg_stat_activity_count",
                        "pg_settings_max_connections",
                        "redis_up",
                        "redis_memory_used_bytes",
                        "redis_memory_max_bytes",
                        "kube_cronjob_status_last_successful_time");
    }

    /**
     * One cluster at one minute's resolution: service web is down, worker crash-loops, PostgreSQL is down; api, gateway,
     * Redis and the pods of another stack are healthy or do not match, and must stay silent.
     */
    @Test
    void serviceDownCrashLoopAndDatabaseDownFireAndHealthyPartsStaySilent() throws Exception {
        AppStack stack = MonitoredStacks.full();
        Map<String, Rule> rules = byAlert(stack);
        String worker = "shop-worker-5d9c7b8f6-x2x9z";
        List<Map<String, Object>> series = List.of(
                series("kube_deployment_spec_replicas{namespace=\"shop\",deployment=\"shop-web\"}", "2x20"),
                series("kube_deployment_status_replicas_available{namespace=\"shop\",deployment=\"shop-web\"}", "0x20"),
                series("kube_deployment_spec_replicas{namespace=\"shop\",deployment=\"shop-api\"}", "2x20"),
                series("kube_deployment_status_replicas_available{namespace=\"shop\",deployment=\"shop-api\"}", "2x20"),
                // Scaled to zero on purpose: not down.
                series("kube_deployment_spec_replicas{namespace=\"shop\",deployment=\"shop-gateway\"}", "0x20"),
                series(
                        "kube_deployment_status_replicas_available{namespace=\"shop\",deployment=\"shop-gateway\"}",
                        "0x20"),
                series(
                        "kube_pod_container_status_waiting_reason{namespace=\"shop\",pod=\"" + worker
                                + "\",container=\"app\",reason=\"CrashLoopBackOff\"}",
                        "1x20"),
                series(
                        "kube_pod_container_status_waiting_reason{namespace=\"shop\",pod=\"shop-api-7c6b9d5f4-abcde\",container=\"app\",reason=\"ContainerCreating\"}",
                        "1x20"),
                // A pod of another Deployment whose name starts like web's, and one of another namespace.
                series(
                        "kube_pod_container_status_waiting_reason{namespace=\"shop\",pod=\"shop-web-admin-7c6b9d5f4-abcde\",container=\"app\",reason=\"CrashLoopBackOff\"}",
                        "1x20"),
                series(
                        "kube_pod_container_status_waiting_reason{namespace=\"other\",pod=\"shop-web-7c6b9d5f4-abcde\",container=\"app\",reason=\"CrashLoopBackOff\"}",
                        "1x20"),
                series("pg_up{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\"}", "0x20"),
                series("redis_up{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}", "1x20"));

        List<Map<String, Object>> checks = new ArrayList<>();
        // Before downFor (5m) has passed, nothing fires.
        checks.add(check("3m", "AtonixServiceDown"));
        checks.add(check("3m", "AtonixPodCrashLooping"));
        checks.add(check("3m", "AtonixPostgresDown"));
        checks.add(check(
                "10m",
                "AtonixServiceDown",
                expected(rules.get("AtonixServiceDown#web"), Map.of("namespace", "shop", "deployment", "shop-web"))));
        checks.add(check(
                "10m",
                "AtonixPodCrashLooping",
                expected(
                        rules.get("AtonixPodCrashLooping#worker"),
                        Map.of("namespace", "shop", "pod", worker, "container", "app"))));
        checks.add(check(
                "10m",
                "AtonixPostgresDown",
                expected(
                        rules.get("AtonixPostgresDown#postgres"),
                        Map.of("namespace", "shop", "service", "shop-postgres", "pod", "shop-postgres-0"))));
        checks.add(check("10m", "AtonixRedisDown"));

        Promtool.succeeds("test", "rules", testFile(stack, "1m", series, checks).toString());
    }

    /** Healthy everything: no alert at all, at any time. */
    @Test
    void aHealthyStackFiresNothing() throws Exception {
        AppStack stack = MonitoredStacks.full();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String service : List.of("web", "api", "worker", "gateway")) {
            series.add(series(
                    "kube_deployment_spec_replicas{namespace=\"shop\",deployment=\"shop-" + service + "\"}", "2x60"));
            series.add(series(
                    "kube_deployment_status_replicas_available{namespace=\"shop\",deployment=\"shop-" + service + "\"}",
                    "2x60"));
            series.add(series(
                    "kube_deployment_status_replicas_unavailable{namespace=\"shop\",deployment=\"shop-" + service
                            + "\"}",
                    "0x60"));
            series.add(series(
                    "kube_pod_container_status_restarts_total{namespace=\"shop\",pod=\"shop-" + service
                            + "-7c6b9d5f4-abcde\",container=\"app\"}",
                    "0x60"));
        }
        series.add(series("pg_up{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\"}", "1x60"));
        series.add(series(
                "pg_stat_activity_count{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\",datname=\"shop\",state=\"idle\"}",
                "20x60"));
        series.add(series(
                "pg_settings_max_connections{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\"}",
                "100x60"));
        series.add(series("redis_up{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}", "1x60"));
        series.add(series(
                "redis_memory_used_bytes{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}", "1000x60"));
        series.add(series(
                "redis_memory_max_bytes{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}",
                "268435456x60"));
        series.add(series("kube_cronjob_created{namespace=\"shop\",cronjob=\"shop-postgres-backups\"}", "0x60"));
        series.add(series(
                "kube_cronjob_status_last_successful_time{namespace=\"shop\",cronjob=\"shop-postgres-backups\"}",
                "0+60x60"));
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String alert : new TreeSet<>(
                byAlert(stack).values().stream().map(Rule::getAlert).toList())) {
            checks.add(check("30m", alert));
            checks.add(check("59m", alert));
        }
        Promtool.succeeds("test", "rules", testFile(stack, "1m", series, checks).toString());
    }

    /** Restarts, connections, memory and backups: each fires past its threshold and not below it. */
    @Test
    void thresholdAlertsFirePastTheirThresholdOnly() throws Exception {
        AppStack stack = MonitoredStacks.full();
        Map<String, Rule> rules = byAlert(stack);
        String restarting = "shop-api-7c6b9d5f4-abcde";
        List<Map<String, Object>> series = List.of(
                series(
                        "kube_pod_container_status_restarts_total{namespace=\"shop\",pod=\"" + restarting
                                + "\",container=\"app\"}",
                        "0+1x30"),
                series(
                        "kube_pod_container_status_restarts_total{namespace=\"shop\",pod=\"shop-web-7c6b9d5f4-abcde\",container=\"app\"}",
                        "0x30"),
                series(
                        "pg_stat_activity_count{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\",datname=\"shop\",state=\"active\"}",
                        "50x30"),
                series(
                        "pg_stat_activity_count{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\",datname=\"shop\",state=\"idle\"}",
                        "40x30"),
                series(
                        "pg_settings_max_connections{namespace=\"shop\",service=\"shop-postgres\",pod=\"shop-postgres-0\"}",
                        "100x30"),
                series(
                        "redis_memory_used_bytes{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}",
                        "80x30"),
                series(
                        "redis_memory_max_bytes{namespace=\"shop\",service=\"shop-redis\",pod=\"shop-redis-0\"}",
                        "100x30"));
        List<Map<String, Object>> checks = List.of(
                check(
                        "20m",
                        "AtonixPodRestarting",
                        expected(
                                rules.get("AtonixPodRestarting#api"),
                                Map.of("namespace", "shop", "pod", restarting, "container", "app"))),
                check(
                        "20m",
                        "AtonixPostgresConnectionsHigh",
                        expected(
                                rules.get("AtonixPostgresConnectionsHigh#postgres"),
                                Map.of("namespace", "shop", "service", "shop-postgres"))),
                check("20m", "AtonixRedisMemoryHigh"));
        Promtool.succeeds("test", "rules", testFile(stack, "1m", series, checks).toString());
    }

    /** The daily backup of the stack may be 25 hours old; older, or never succeeded for that long, fires. */
    @Test
    void aBackupThatHasNotSucceededWithinItsScheduleFires() throws Exception {
        AppStack stack = MonitoredStacks.full();
        Rule rule = byAlert(stack).get("AtonixPostgresBackupTooOld#postgres-backup");
        Map<String, Object> labels = Map.of("namespace", "shop", "cronjob", "shop-postgres-backups");
        // Succeeded at time 0 only; the CronJob exists since time 0.
        List<Map<String, Object>> late = List.of(
                series("kube_cronjob_created{namespace=\"shop\",cronjob=\"shop-postgres-backups\"}", "0x30"),
                series(
                        "kube_cronjob_status_last_successful_time{namespace=\"shop\",cronjob=\"shop-postgres-backups\"}",
                        "0x30"));
        Promtool.succeeds(
                "test",
                "rules",
                testFile(
                                stack,
                                "1h",
                                late,
                                List.of(
                                        check("24h", "AtonixPostgresBackupTooOld"),
                                        check("26h", "AtonixPostgresBackupTooOld", expected(rule, labels))))
                        .toString());
        // Never succeeded: its age counts from the CronJob's creation.
        List<Map<String, Object>> never =
                List.of(series("kube_cronjob_created{namespace=\"shop\",cronjob=\"shop-postgres-backups\"}", "0x30"));
        Promtool.succeeds(
                "test",
                "rules",
                testFile(
                                stack,
                                "1h",
                                never,
                                List.of(
                                        check("24h", "AtonixPostgresBackupTooOld"),
                                        check("26h", "AtonixPostgresBackupTooOld", expected(rule, labels))))
                        .toString());
    }

    /** Failed attempts without a success for five minutes fire; failures between successes do not. */
    @Test
    void archivingThatFailsWithoutASuccessFiresAndABlipBetweenSuccessesDoesNot() throws Exception {
        AppStack stack = MonitoredStacks.archiving();
        Rule rule = byAlert(stack).get("AtonixPostgresArchivingFailing#postgres-archive");
        String labels = "{namespace=\"shop\",service=\"shop-postgres\"}";
        // From minute 10 on, every attempt fails and nothing is archived any more.
        List<Map<String, Object>> failing = List.of(
                series("pg_stat_archiver_failed_count" + labels, "0x10 1+1x30"),
                series("pg_stat_archiver_archived_count" + labels, "0+1x10 10x30"));
        Promtool.succeeds(
                "test",
                "rules",
                testFile(
                                stack,
                                "1m",
                                failing,
                                List.of(
                                        check("9m", "AtonixPostgresArchivingFailing"),
                                        check(
                                                "25m",
                                                "AtonixPostgresArchivingFailing",
                                                expected(
                                                        rule,
                                                        Map.of("namespace", "shop", "service", "shop-postgres")))))
                        .toString());
        // A failure now and then while segments keep being archived.
        List<Map<String, Object>> blips = List.of(
                series("pg_stat_archiver_failed_count" + labels, "0+1x40"),
                series("pg_stat_archiver_archived_count" + labels, "0+1x40"));
        Promtool.succeeds(
                "test",
                "rules",
                testFile(stack, "1m", blips, List.of(check("30m", "AtonixPostgresArchivingFailing")))
                        .toString());
    }

    private Path ruleFile(AppStack stack, String name) throws Exception {
        PrometheusRule rule =
                StackAlerts.desired(stack, PlatformSettings.defaults()).orElseThrow();
        Path file = dir.resolve(name);
        Files.writeString(file, SERIALIZATION.asYaml(rule.getSpec()));
        return file;
    }

    private Path testFile(
            AppStack stack, String interval, List<Map<String, Object>> series, List<Map<String, Object>> checks)
            throws Exception {
        Path rules = ruleFile(stack, "rules.yaml");
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", interval);
        test.put("input_series", series);
        test.put("alert_rule_test", checks);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of(rules.getFileName().toString()));
        file.put("evaluation_interval", "1m");
        file.put("tests", List.of(test));
        Path path = dir.resolve("test.yaml");
        YAML.writeValue(path.toFile(), file);
        return path;
    }

    private static List<Rule> rules(AppStack stack) {
        return StackAlerts.desired(stack, PlatformSettings.defaults())
                .orElseThrow()
                .getSpec()
                .getGroups()
                .get(0)
                .getRules();
    }

    /** Rules keyed by alert and component, for example AtonixServiceDown#web. */
    private static Map<String, Rule> byAlert(AppStack stack) {
        Map<String, Rule> byAlert = new LinkedHashMap<>();
        for (Rule rule : rules(stack)) {
            byAlert.put(rule.getAlert() + "#" + rule.getLabels().get(AlertRule.COMPONENT), rule);
        }
        return byAlert;
    }

    private static Map<String, Object> series(String series, String values) {
        return Map.of("series", series, "values", values);
    }

    @SafeVarargs
    private static Map<String, Object> check(String at, String alert, Map<String, Object>... alerts) {
        return Map.of("eval_time", at, "alertname", alert, "exp_alerts", List.of(alerts));
    }

    /** The alert as it must fire: the series' labels and the rule's, and its annotations with the labels filled in. */
    private static Map<String, Object> expected(Rule rule, Map<String, Object> seriesLabels) {
        assertThat(rule).isNotNull();
        Map<String, Object> labels = new LinkedHashMap<>(seriesLabels);
        labels.putAll(rule.getLabels());
        Map<String, Object> annotations = new LinkedHashMap<>();
        rule.getAnnotations().forEach((key, template) -> {
            String text = template;
            for (var label : seriesLabels.entrySet()) {
                text = text.replace(
                        "{{ $labels." + label.getKey() + " }}", label.getValue().toString());
            }
            assertThat(text)
                    .as("every template of %s is filled", rule.getAlert())
                    .doesNotContain("{{");
            annotations.put(key, text);
        });
        return Map.of("exp_labels", labels, "exp_annotations", annotations);
    }
}
