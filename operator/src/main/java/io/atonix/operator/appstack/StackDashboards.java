package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.monitoring.GrafanaDashboard;
import io.atonix.operator.monitoring.GrafanaDashboard.Target;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The Grafana dashboard of a stack, in a ConfigMap that carries the label the Grafana sidecar watches: a row of
 * panels per service (replicas, restarts, CPU, memory, and scrape health when it serves metrics), per data store
 * (its exporter's view) and the stack's firing alerts. It reads kube-state-metrics, the kubelet's cAdvisor metrics,
 * the exporters and Prometheus' own {@code up} and {@code ALERTS} series.
 */
public final class StackDashboards {
    /** The ConfigMap's app.kubernetes.io/name label, which tells it from the stack's other ConfigMaps. */
    public static final String NAME_LABEL = "dashboard";

    private static final String NS = "namespace=\"$namespace\"";
    /** The dashboard's stack variable: the stack's objects are named from it as from the stack's name. */
    private static final String STACK = "$stack";

    private StackDashboards() {}

    public static Optional<ConfigMap> desired(AppStack stack, PlatformSettings platform) {
        MonitoringSpec monitoring = StackMonitoring.monitoring(stack);
        if (!monitoring.dashboardEnabled()) {
            return Optional.empty();
        }
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        Map<String, String> labels = Labels.forStack(name, NAME_LABEL, "monitoring");
        Map.Entry<String, String> sidecar = platform.monitoring().dashboardLabel();
        labels.put(sidecar.getKey(), sidecar.getValue());
        return Optional.of(DesiredHash.stamp(new ConfigMapBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(Names.dashboard(name))
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                // The sidecar writes every key into one folder for all namespaces: the key must be unique there.
                .addToData(fileName(namespace, name), json(stack))
                .build()));
    }

    static String fileName(String namespace, String stack) {
        return "atonix-" + namespace + "-" + stack + ".json";
    }

    /** The dashboard model. Its variables default to this stack; panels are per service of this stack's spec. */
    static String json(AppStack stack) {
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        GrafanaDashboard dashboard = new GrafanaDashboard(
                        uid(namespace, name),
                        "Atonix stack " + namespace + "/" + name,
                        "Services and data stores of the AppStack " + name + ", created by the Atonix operator.")
                .labelVariable("namespace", "Namespace", "kube_deployment_spec_replicas", "namespace", namespace)
                .textVariable("stack", "Stack", name);
        dashboard
                .row("Stack")
                .panel(
                        "Firing alerts",
                        "short",
                        new Target(
                                "count by (alertname, atonix_component) (ALERTS{" + NS
                                        + ", atonix_stack=\"$stack\", alertstate=\"firing\"})",
                                "{{alertname}} ({{atonix_component}})"));
        for (ServiceSpec service : stack.getSpec().services()) {
            serviceRow(dashboard, service);
        }
        if (stack.getSpec().postgres() != null) {
            postgresRow(dashboard, stack.getSpec().postgres().backup() != null);
        }
        if (stack.getSpec().redis() != null) {
            redisRow(dashboard);
        }
        return dashboard.toJson();
    }

    private static void serviceRow(GrafanaDashboard dashboard, ServiceSpec service) {
        String deployment = Names.service(STACK, service.name());
        String pods = NS + ", pod=~\"" + deployment + "-[a-z0-9]+-[a-z0-9]+\"";
        String container = pods + ", container=\"" + Names.appContainer() + "\"";
        dashboard
                .row("Service " + service.name())
                .panel(
                        "Replicas",
                        "short",
                        new Target(
                                "kube_deployment_spec_replicas{" + NS + ", deployment=\"" + deployment + "\"}",
                                "wanted"),
                        new Target(
                                "kube_deployment_status_replicas_available{" + NS + ", deployment=\"" + deployment
                                        + "\"}",
                                "available"),
                        new Target(
                                "kube_deployment_status_replicas_unavailable{" + NS + ", deployment=\"" + deployment
                                        + "\"}",
                                "unavailable"))
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
                        new Target("sum by (pod) (container_memory_working_set_bytes{" + container + "})", "{{pod}}"));
        if (service.metrics() != null) {
            dashboard.panel(
                    "Scrape targets up",
                    "short",
                    new Target("up{" + NS + ", service=\"" + deployment + "\"}", "{{pod}}"));
        }
    }

    private static void postgresRow(GrafanaDashboard dashboard, boolean backups) {
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
        if (backups) {
            dashboard.panel(
                    "Age of the last successful backup",
                    "s",
                    new Target(
                            "time() - kube_cronjob_status_last_successful_time{" + NS + ", cronjob=\""
                                    + Names.postgresBackups(Names.postgres(STACK)) + "\"}",
                            "age"));
        }
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

    /** Grafana's uid: at most 40 characters, the same for the same stack everywhere. */
    public static String uid(String namespace, String stack) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((namespace + "/" + stack).getBytes(StandardCharsets.UTF_8));
            return "atonix-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
