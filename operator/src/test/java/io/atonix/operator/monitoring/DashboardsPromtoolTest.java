package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.operator.appstack.StackDashboards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard, the stacks' generated one and the operator's own in docs/dashboards, is valid Grafana JSON whose
 * queries promtool parses and which reads only metrics that exporters, the operator or the alert rules produce.
 */
class DashboardsPromtoolTest {
    static final Path OPERATOR_DASHBOARD = Path.of("..", "docs", "dashboards", "atonix-operator.json");
    /** $name or ${name}: group 1 or 2 is the name. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private static final Map<String, String> SAMPLE_VALUES = Map.of(
            "namespace", "shop",
            "stack", "shop",
            "service", "shop-api",
            "job", "atonix-operator",
            "__rate_interval", "2m");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theStacksDashboardIsValidAndReadsOnlyKnownMetrics() throws Exception {
        check(
                JSON.readTree(StackDashboards.json()),
                Set.of("datasource", "namespace", "stack", "service"),
                KnownMetrics.forStacks());
    }

    @Test
    void theOperatorsDashboardIsValidAndReadsOnlyWhatTheOperatorServes() throws Exception {
        Set<String> known = new TreeSet<>(KnownMetrics.OPERATOR);
        known.addAll(KnownMetrics.PROMETHEUS);
        check(JSON.readTree(Files.readString(OPERATOR_DASHBOARD)), Set.of("datasource", "job"), known);
    }

    @Test
    void theMetricCheckSeesThroughFunctionsAndMatchers() {
        assertThat(PromQlNames.metrics(
                        "histogram_quantile(0.95, sum by (le, pod) (rate(foo_bucket{a=\"b\", c=~\"d|e\"}[5m]))) > 1e3"))
                .containsExactly("foo_bucket");
        assertThat(PromQlNames.metrics("a / on (x) group_left (y) b unless c offset 5m or time() - d"))
                .containsExactly("a", "b", "c", "d");
    }

    private void check(JsonNode dashboard, Set<String> variables, Set<String> known) throws Exception {
        String title = dashboard.path("title").asText();
        assertThat(title).isNotBlank();
        assertThat(dashboard.path("uid").asText()).isNotBlank().hasSizeLessThanOrEqualTo(40);
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        List<String> declared = dashboard.path("templating").path("list").findValuesAsText("name");
        assertThat(declared).as(title).containsExactlyInAnyOrderElementsOf(variables);

        List<String> exprs = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("panel ids are unique in %s", title)
                    .isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                    .as("%s fits the 24 columns", panel.path("title"))
                    .isLessThanOrEqualTo(24);
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText())
                    .as("no data source of one cluster")
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets"))
                    .as("%s has queries", panel.path("title"))
                    .isNotEmpty();
            panel.path("targets")
                    .forEach(target -> exprs.add(target.path("expr").asText()));
        }
        assertThat(exprs).isNotEmpty();

        Set<String> read = new TreeSet<>();
        List<Map<String, Object>> records = new ArrayList<>();
        for (String expr : exprs) {
            read.addAll(PromQlNames.metrics(expr));
            Matcher used = VARIABLE.matcher(expr);
            while (used.find()) {
                String name = name(used);
                assertThat(name).as("variable in %s", expr).isIn(SAMPLE_VALUES.keySet());
                if (!name.startsWith("__")) {
                    assertThat(declared).contains(name);
                }
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("record", "dashboard:query_" + records.size());
            record.put("expr", substitute(expr));
            records.add(record);
        }
        assertThat(read).as("metrics read by %s", title).isSubsetOf(known);

        Path file = dir.resolve("dashboard-queries.yaml");
        YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))));
        Promtool.succeeds("check", "rules", file.toString());
    }

    /** Grafana fills the variables in before Prometheus sees a query; so does this, with sample values. */
    private static String substitute(String expr) {
        Matcher matcher = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(SAMPLE_VALUES.get(name(matcher))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String name(Matcher variable) {
        return variable.group(1) != null ? variable.group(1) : variable.group(2);
    }
}
