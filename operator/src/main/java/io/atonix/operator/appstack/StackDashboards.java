package io.atonix.operator.appstack;

import io.atonix.operator.common.Names;
import io.atonix.operator.monitoring.GrafanaDashboard;
import io.atonix.operator.monitoring.GrafanaDashboard.Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one Grafana dashboard of all stacks, with the namespace and the stack as variables: a row of its firing alerts,
 * a row per Deployment of the stack (replicas, restarts, CPU, memory, scrape health), repeated by Grafana over the
 * {@code service} variable, and rows for PostgreSQL, its backups and Redis, which show no data for a stack without
 * them. It reads kube-state-metrics, the kubelet's cAdvisor metrics, the exporters and Prometheus' own {@code up} and
 * {@code ALERTS} series. The chart ships it (helm/atonix-operator/files/dashboards); the operator writes none.
 */
public final class StackDashboards {
    /** Grafana's uid of the dashboard, the same in every installation, so that links to it hold. */
    public static final String UID = "atonix-stacks";
    /** The key of the chart's ConfigMap, the file name the Grafana sidecar writes it to. */
    public static final String FILE = "atonix-stacks.json";

    private static final String NS = "namespace=\"$namespace\"";
    private static final String STACK = "$stack";
    /**
     * The stack's Deployments, by name ({@code <stack>-<service>}, and {@code <stack>-<service>-auth} for a service's
     * oauth2-proxy): kube-state-metrics labels its series with the Deployment's name but not, without an allowlist,
     * with the Deployment's labels, so the name is what a default installation lets the dashboard select by.
     */
    private static final String SERVICES =
            "label_values(kube_deployment_spec_replicas{" + NS + ", deployment=~\"$stack-.+\"}, deployment)";

    private StackDashboards() {}

    /** Where the dashboard shows one stack: the path and query of its Grafana URL. */
    public static String link(String namespace, String stack) {
        return "/d/" + UID + "?var-namespace=" + URLEncoder.encode(namespace, StandardCharsets.UTF_8) + "&var-stack="
                + URLEncoder.encode(stack, StandardCharsets.UTF_8);
    }

    /** The dashboard model, as the chart ships it. */
    public static String json() {
        GrafanaDashboard dashboard = new GrafanaDashboard(
                        UID,
                        "Atonix stacks",
                        "Services and data stores of one AppStack, chosen by the namespace and stack variables.")
                .labelVariable("namespace", "Namespace", "kube_deployment_spec_replicas", "namespace", "")
                .textVariable("stack", "Stack", "")
                .multiVariable("service", "Deployment", SERVICES);
        dashboard
                .row("Stack")
                .panel(
                        "Firing alerts",
                        "short",
                        new Target(
                                "count by (alertname, atonix_component) (ALERTS{" + NS
                                        + ", atonix_stack=\"$stack\", alertstate=\"firing\"})",
                                "{{alertname}} ({{atonix_component}})"));
        serviceRow(dashboard);
        postgresRow(dashboard);
        redisRow(dashboard);
        return dashboard.toJson();
    }

    /** Grafana repeats this row per Deployment chosen; a multi-value variable is regex-escaped, hence {@code =~}. */
    private static void serviceRow(GrafanaDashboard dashboard) {
        String deployment = NS + ", deployment=~\"$service\"";
        String pods = NS + ", pod=~\"$service-[a-z0-9]+-[a-z0-9]+\"";
        String container = pods + ", container=\"" + Names.appContainer() + "\"";
        dashboard
                .repeatedRow("$service", "service")
                .panel(
                        "Replicas",
                        "short",
                        new Target("kube_deployment_spec_replicas{" + deployment + "}", "wanted"),
                        new Target("kube_deployment_status_replicas_available{" + deployment + "}", "available"),
                        new Target("kube_deployment_status_replicas_unavailable{" + deployment + "}", "unavailable"))
                .panel(
                        "Container restarts",
                        "short",
                        new Target(
                                "sum by (pod) (increase(kube_pod_container_status_restarts_total{" + pods
                                        + "}[$__rate_interval]))",
                                "{{pod}}"))
                .panel(
                        "CPU",
                        "cores",
                        new Target(
                                "sum by (pod) (rate(container_cpu_usage_seconds_total{" + container
                                        + "}[$__rate_interval]))",
                                "{{pod}}"))
                .panel(
                        "Memory (working set)",
                        "bytes",
                        new Target("sum by (pod) (container_memory_working_set_bytes{" + container + "})", "{{pod}}"))
                // No data for a service that serves no metrics (and for an oauth2-proxy).
                .panel("Scrape targets up", "short", new Target("up{" + NS + ", service=~\"$service\"}", "{{pod}}"));
    }

    private static void postgresRow(GrafanaDashboard dashboard) {
        String service = NS + ", service=\"" + Names.postgres(STACK) + "\"";
        dashboard
                .row("PostgreSQL")
                .panel("Server up (pg_up)", "short", new Target("pg_up{" + service + "}", "{{pod}}"))
                .panel(
                        "Connections",
                        "short",
                        new Target("sum by (state) (pg_stat_activity_count{" + service + "})", "{{state}}"),
                        new Target("max(pg_settings_max_connections{" + service + "})", "max_connections"))
                .panel(
                        "Transactions",
                        "ops",
                        new Target(
                                "sum by (datname) (rate(pg_stat_database_xact_commit{" + service
                                        + "}[$__rate_interval]))",
                                "{{datname}} commits"),
                        new Target(
                                "sum by (datname) (rate(pg_stat_database_xact_rollback{" + service
                                        + "}[$__rate_interval]))",
                                "{{datname}} rollbacks"))
                .panel("Database size", "bytes", new Target("pg_database_size_bytes{" + service + "}", "{{datname}}"));
        dashboard.panel(
                "Age of the last successful backup",
                "s",
                new Target(
                        "time() - kube_cronjob_status_last_successful_time{" + NS + ", cronjob=\""
                                + Names.postgresBackups(Names.postgres(STACK)) + "\"}",
                        "age"));
    }

    private static void redisRow(GrafanaDashboard dashboard) {
        String service = NS + ", service=\"" + Names.redis(STACK) + "\"";
        dashboard
                .row("Redis")
                .panel("Server up (redis_up)", "short", new Target("redis_up{" + service + "}", "{{pod}}"))
                .panel(
                        "Memory",
                        "bytes",
                        new Target("redis_memory_used_bytes{" + service + "}", "used"),
                        new Target("redis_memory_max_bytes{" + service + "}", "maxmemory"))
                .panel("Clients", "short", new Target("redis_connected_clients{" + service + "}", "{{pod}}"))
                .panel(
                        "Commands",
                        "ops",
                        new Target(
                                "sum(rate(redis_commands_processed_total{" + service + "}[$__rate_interval]))",
                                "commands"));
    }
}
