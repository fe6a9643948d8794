package io.atonix.operator.monitoring;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics the platform's exporters are known to produce, as their documentation names them: what alert rules and
 * dashboards may read. A name that is not here is a typo or a metric nobody exports.
 */
final class KnownMetrics {
    /** Prometheus itself: target health and the alerts its rules fire. */
    static final Set<String> PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");
    /** kube-state-metrics v2. */
    static final Set<String> KUBE_STATE_METRICS = Set.of(
            "kube_deployment_spec_replicas",
            "kube_deployment_status_replicas_available",
            "kube_deployment_status_replicas_unavailable",
            "kube_pod_container_status_restarts_total",
            "kube_pod_container_status_waiting_reason",
            "kube_cronjob_status_last_successful_time",
            "kube_cronjob_created");
    /** The kubelet's cAdvisor endpoint. */
    static final Set<String> CADVISOR =
            Set.of("container_cpu_usage_seconds_total", "container_memory_working_set_bytes");
    /** postgres_exporter (prometheuscommunity/postgres-exporter). */
    static final Set<String> POSTGRES_EXPORTER = Set.of(
            "pg_up",
            "pg_stat_activity_count",
            "pg_settings_max_connections",
            "pg_stat_database_xact_commit",
            "pg_stat_database_xact_rollback",
            "pg_database_size_bytes");
    /** redis_exporter (oliver006/redis_exporter). */
    static final Set<String> REDIS_EXPORTER = Set.of(
            "redis_up",
            "redis_memory_used_bytes",
            "redis_memory_max_bytes",
            "redis_connected_clients",
            "redis_commands_processed_total");

    /**
     * The operator's own /q/metrics: java-operator-sdk's reconciliation metrics (Micrometer, v2 names), the operator's
     * AppStack gauge and Micrometer's JVM and process meters. OperatorMetricsEndpointTest checks that the endpoint
     * serves each of them.
     */
    static final Set<String> OPERATOR = Set.of(
            "reconciliations_started_total",
            "reconciliations_success_total",
            "reconciliations_failure_total",
            "reconciliations_retries_total",
            "reconciliations_execution_duration_seconds_bucket",
            "reconciliations_execution_duration_seconds_sum",
            "reconciliations_execution_duration_seconds_count",
            "reconciliations_queue",
            "reconciliations_active",
            "custom_resources",
            "events_received_total",
            "atonix_appstacks",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "process_cpu_usage");

    private KnownMetrics() {}

    static Set<String> forStacks() {
        Set<String> all = new TreeSet<>();
        all.addAll(PROMETHEUS);
        all.addAll(KUBE_STATE_METRICS);
        all.addAll(CADVISOR);
        all.addAll(POSTGRES_EXPORTER);
        all.addAll(REDIS_EXPORTER);
        return all;
    }
}
