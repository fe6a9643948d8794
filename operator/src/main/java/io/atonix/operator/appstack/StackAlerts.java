package io.atonix.operator.appstack;

import io.atonix.api.v1alpha1.appstack.AlertThresholds;
import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.MonitoringSpec;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.api.v1alpha1.postgres.BackupSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.monitoring.AlertRule;
import io.atonix.operator.monitoring.AlertRule.Severity;
import io.atonix.operator.monitoring.CronSchedules;
import io.atonix.operator.monitoring.PromQl;
import io.atonix.operator.monitoring.PrometheusLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PrometheusRule of a stack: its default alerts, read from kube-state-metrics and the data stores' exporters,
 * with thresholds from spec.monitoring.thresholds. Each alert names the stack and the component in its labels and
 * annotations, and its description says where to look first.
 */
public final class StackAlerts {
    /** Time a backup may take beyond the schedule's longest interval before it counts as late. */
    static final Duration BACKUP_GRACE = Duration.ofHours(1);

    static final String SUSTAINED = "5m";
    /** The PrometheusRule's app.kubernetes.io/name label, which tells it from the stack's other objects. */
    public static final String NAME_LABEL = "alerts";

    private StackAlerts() {}

    public static Optional<PrometheusRule> desired(AppStack stack, PlatformSettings platform) {
        MonitoringSpec monitoring = StackMonitoring.monitoring(stack);
        if (!monitoring.alertsEnabled()) {
            return Optional.empty();
        }
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        return Optional.of(DesiredHash.stamp(new PrometheusRuleBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(Names.alertRules(name))
                        .withNamespace(namespace)
                        .withLabels(PrometheusLabels.on(
                                Labels.forStack(name, NAME_LABEL, "monitoring"),
                                platform.monitoring(),
                                monitoring.labels()))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .addNewGroup()
                .withName("atonix." + namespace + "." + name)
                .withRules(rules(stack).stream().map(AlertRule::toRule).toList())
                .endGroup()
                .endSpec()
                .build()));
    }

    /** The stack's alerts, before they become the PrometheusRule's rules. */
    public static List<AlertRule> rules(AppStack stack) {
        AlertThresholds thresholds = StackMonitoring.monitoring(stack).thresholdsOrDefault();
        Scope scope = new Scope(
                stack.getMetadata().getNamespace(), stack.getMetadata().getName(), thresholds);
        List<AlertRule> rules = new ArrayList<>();
        for (ServiceSpec service : stack.getSpec().services()) {
            rules.addAll(serviceRules(scope, service.name()));
        }
        if (stack.getSpec().postgres() != null) {
            rules.addAll(postgresRules(scope, stack.getSpec().postgres().backup()));
        }
        if (stack.getSpec().redis() != null) {
            rules.addAll(redisRules(scope));
        }
        return rules;
    }

    /** Where the alerts of one stack look, and with which thresholds. */
    private record Scope(String namespace, String stack, AlertThresholds thresholds) {
        String where() {
            return namespace + "/" + stack;
        }

        String selector(String label, String value) {
            return "{namespace=\"" + namespace + "\", " + label + "=\"" + value + "\"}";
        }

        String pods(String regex) {
            return "namespace=\"" + namespace + "\", pod=~\"" + regex + "\"";
        }
    }

    private static List<AlertRule> serviceRules(Scope scope, String service) {
        String deployment = Names.service(scope.stack(), service);
        String selector = scope.selector("deployment", deployment);
        String downFor = scope.thresholds().downForOrDefault();
        String what = "Service " + service + " of stack " + scope.where();
        String pods = "kubectl -n " + scope.namespace() + " get pods -l " + Labels.STACK + "=" + scope.stack() + ","
                + Labels.SERVICE + "=" + service;
        List<AlertRule> rules = new ArrayList<>();
        rules.add(new AlertRule(
                "AtonixServiceDown",
                "kube_deployment_status_replicas_available" + selector + " == 0 and kube_deployment_spec_replicas"
                        + selector + " > 0",
                downFor,
                Severity.critical,
                scope.stack(),
                service,
                what + " is down",
                "No pod of Deployment " + scope.namespace() + "/" + deployment + " has been available for " + downFor
                        + ", so the service answers no requests. Look at its pods (" + pods
                        + "), their events and logs."));
        rules.add(new AlertRule(
                "AtonixServiceReplicasUnavailable",
                "kube_deployment_status_replicas_unavailable" + selector + " > 0",
                downFor,
                Severity.warning,
                scope.stack(),
                service,
                what + " has unavailable replicas",
                "Replicas of Deployment " + scope.namespace() + "/" + deployment + " have been unavailable for "
                        + downFor
                        + ": the service runs with less capacity than it asks for, or a rollout is stuck. Look at its pods ("
                        + pods + ")."));
        rules.addAll(podRules(
                scope,
                service,
                "service " + service + " of stack " + scope.where(),
                PromQl.deploymentPods(deployment)));
        return rules;
    }

    private static List<AlertRule> podRules(Scope scope, String component, String subject, String podRegex) {
        AlertThresholds thresholds = scope.thresholds();
        String downFor = thresholds.downForOrDefault();
        String window = thresholds.restartWindowOrDefault();
        int restarts = thresholds.restartsOrDefault();
        String container = "Container {{ $labels.container }} of pod " + scope.namespace() + "/{{ $labels.pod }}";
        String logs =
                "kubectl -n " + scope.namespace() + " logs {{ $labels.pod }} -c {{ $labels.container }} --previous";
        return List.of(
                new AlertRule(
                        "AtonixPodCrashLooping",
                        "max by (namespace, pod, container) (kube_pod_container_status_waiting_reason{"
                                + scope.pods(podRegex) + ", reason=\"CrashLoopBackOff\"}) == 1",
                        downFor,
                        Severity.critical,
                        scope.stack(),
                        component,
                        "A pod of " + subject + " is crash-looping",
                        container + " has been in CrashLoopBackOff for " + downFor + ". Its last run says why: "
                                + logs),
                new AlertRule(
                        "AtonixPodRestarting",
                        "increase(kube_pod_container_status_restarts_total{" + scope.pods(podRegex) + "}[" + window
                                + "]) >= " + restarts,
                        null,
                        Severity.warning,
                        scope.stack(),
                        component,
                        "Pods of " + subject + " are restarting",
                        container + " restarted " + restarts + " times or more within " + window
                                + ". Look for an out-of-memory kill or a failing liveness probe (kubectl -n "
                                + scope.namespace()
                                + " describe pod {{ $labels.pod }}) and at the previous run: " + logs));
    }

    private static List<AlertRule> postgresRules(Scope scope, BackupSpec backup) {
        String postgres = Names.postgres(scope.stack());
        String selector = scope.selector("service", postgres);
        String downFor = scope.thresholds().downForOrDefault();
        int percent = scope.thresholds().postgresConnectionsPercentOrDefault();
        String what = "PostgreSQL of stack " + scope.where();
        List<AlertRule> rules = new ArrayList<>();
        rules.add(new AlertRule(
                "AtonixPostgresDown",
                "pg_up" + selector + " == 0",
                downFor,
                Severity.critical,
                scope.stack(),
                "postgres",
                what + " is down",
                "postgres_exporter beside Postgres " + scope.namespace() + "/" + postgres
                        + " has not reached the server for " + downFor
                        + "; services that use the database fail. Look at the pod (kubectl -n " + scope.namespace()
                        + " describe pod "
                        + postgres + "-0) and its log (container postgres), and at the Postgres' status."));
        rules.add(new AlertRule(
                "AtonixPostgresConnectionsHigh",
                "100 * sum by (namespace, service) (pg_stat_activity_count" + selector + ") / on (namespace, service) "
                        + "max by (namespace, service) (pg_settings_max_connections" + selector + ") > " + percent,
                SUSTAINED,
                Severity.warning,
                scope.stack(),
                "postgres",
                what + " is near max_connections",
                "More than " + percent + "% of the max_connections of Postgres " + scope.namespace() + "/" + postgres
                        + " are in use; when none is left, new connections are refused. Look for connection leaks and pool sizes"
                        + " in the services, or raise max_connections in spec.postgres.parameters."));
        rules.addAll(podRules(scope, "postgres", what, PromQl.statefulSetPods(postgres)));
        if (backup != null) {
            backupMaxAge(scope.thresholds(), backup).ifPresent(maxAge -> rules.add(backupRule(scope, maxAge)));
        }
        return rules;
    }

    /** The age the spec sets, or the schedule's longest interval and an hour; empty for a schedule that never runs twice. */
    public static Optional<Duration> backupMaxAge(AlertThresholds thresholds, BackupSpec backup) {
        if (thresholds.backupMaxAge() != null) {
            return Optional.of(Duration.ofSeconds(PromQl.seconds(thresholds.backupMaxAge())));
        }
        return CronSchedules.longestInterval(backup.schedule()).map(interval -> interval.plus(BACKUP_GRACE));
    }

    private static AlertRule backupRule(Scope scope, Duration maxAge) {
        String cronJob = Names.postgresBackups(Names.postgres(scope.stack()));
        String selector = scope.selector("cronjob", cronJob);
        long seconds = maxAge.toSeconds();
        String age = maxAge.toHours() * 3600 == seconds ? maxAge.toHours() + "h" : maxAge.toMinutes() + "m";
        // A CronJob that never succeeded has no last-success time: then its age counts from its creation.
        String expr = "(time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time" + selector
                + ") > " + seconds + ")"
                + " or (time() - max by (namespace, cronjob) (kube_cronjob_created" + selector + ") > " + seconds
                + " unless on (namespace, cronjob) kube_cronjob_status_last_successful_time" + selector + ")";
        return new AlertRule(
                "AtonixPostgresBackupTooOld",
                expr,
                null,
                Severity.warning,
                scope.stack(),
                "postgres-backup",
                "Backups of PostgreSQL of stack " + scope.where() + " are late",
                "CronJob " + scope.namespace() + "/" + cronJob + " has not completed a backup for more than " + age
                        + ". Look at its last Jobs and their pods' logs (kubectl -n " + scope.namespace() + " get jobs)"
                        + " and at the free space of volume claim " + cronJob + ".");
    }

    private static List<AlertRule> redisRules(Scope scope) {
        String redis = Names.redis(scope.stack());
        String selector = scope.selector("service", redis);
        String downFor = scope.thresholds().downForOrDefault();
        int percent = scope.thresholds().redisMemoryPercentOrDefault();
        String what = "Redis of stack " + scope.where();
        List<AlertRule> rules = new ArrayList<>();
        rules.add(new AlertRule(
                "AtonixRedisDown",
                "redis_up" + selector + " == 0",
                downFor,
                Severity.critical,
                scope.stack(),
                "redis",
                what + " is down",
                "redis_exporter beside Redis " + scope.namespace() + "/" + redis + " has not reached the server for "
                        + downFor
                        + "; services that use Redis fail. Look at the pod (kubectl -n " + scope.namespace()
                        + " describe pod "
                        + redis + "-0) and its log, and at the Redis' status."));
        rules.add(
                new AlertRule(
                        "AtonixRedisMemoryHigh",
                        "100 * redis_memory_used_bytes" + selector + " / (redis_memory_max_bytes" + selector
                                + " > 0) > " + percent,
                        SUSTAINED,
                        Severity.warning,
                        scope.stack(),
                        "redis",
                        what + " is near maxmemory",
                        "Redis " + scope.namespace() + "/" + redis + " uses more than " + percent
                                + "% of its maxmemory; beyond it, it evicts"
                                + " keys or, with evictionPolicy NoEviction, refuses writes. Raise spec.redis.memory or store less."));
        rules.addAll(podRules(scope, "redis", what, PromQl.statefulSetPods(redis)));
        return rules;
    }
}
