package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AlertThresholds;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.operator.common.Names;
import io.atonix.operator.monitoring.AlertRule;
import io.atonix.operator.monitoring.AlertRule.Severity;
import io.atonix.operator.monitoring.CronSchedules;
import io.atonix.operator.monitoring.PromQl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts of a stack's data stores: PostgreSQL (down, connections, backups, archiving) and Redis (down, memory).
 */
public final class DataStoreAlerts {
    /** Time a backup may take beyond the schedule's longest interval before it counts as late. */
    static final Duration BACKUP_GRACE = Duration.ofHours(1);

    private DataStoreAlerts() {}

    static List<AlertRule> postgresRules(AlertScope scope, BackupSpec backup) {
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
                StackAlerts.SUSTAINED,
                Severity.warning,
                scope.stack(),
                "postgres",
                what + " is near max_connections",
                "More than " + percent + "% of the max_connections of Postgres " + scope.namespace() + "/" + postgres
                        + " are in use; when none is left, new connections are refused. Look for connection leaks and pool sizes"
                        + " in the services, or raise max_connections in spec.postgres.parameters."));
        rules.addAll(StackAlerts.podRules(scope, "postgres", what, PromQl.statefulSetPods(postgres)));
        if (backup != null) {
            backupMaxAge(scope.thresholds(), backup).ifPresent(maxAge -> rules.add(backupRule(scope, maxAge)));
        }
        if (backup != null && backup.objectStore() != null) {
            rules.add(archivingRule(scope, selector, what));
        }
        return rules;
    }

    /**
     * Archiving fails when attempts fail and none succeeds for a while: PostgreSQL keeps the segment, retries, and
     * its disk fills with WAL until archiving works again, while a recovery can only reach the last archived one.
     */
    private static AlertRule archivingRule(AlertScope scope, String selector, String what) {
        String postgres = Names.postgres(scope.stack());
        return new AlertRule(
                "AtonixPostgresArchivingFailing",
                "increase(pg_stat_archiver_failed_count" + selector + "[5m]) > 0"
                        + " unless on (namespace, service) increase(pg_stat_archiver_archived_count" + selector
                        + "[5m]) > 0",
                StackAlerts.SUSTAINED,
                Severity.critical,
                scope.stack(),
                "postgres-archive",
                "WAL archiving of " + what + " is failing",
                "Postgres " + scope.namespace() + "/" + postgres + " has failed to archive WAL to its object store"
                        + " for " + StackAlerts.SUSTAINED + " without one success: a recovery cannot reach past the"
                        + " last archived segment, and the data volume fills with WAL. The condition"
                        + " ContinuousArchiving of the Postgres and the log of container postgres say why.");
    }

    /** The age the spec sets, or the schedule's longest interval and an hour; empty for a schedule that never runs twice. */
    public static Optional<Duration> backupMaxAge(AlertThresholds thresholds, BackupSpec backup) {
        if (thresholds.backupMaxAge() != null) {
            return Optional.of(Duration.ofSeconds(PromQl.seconds(thresholds.backupMaxAge())));
        }
        return CronSchedules.longestInterval(backup.schedule()).map(interval -> interval.plus(BACKUP_GRACE));
    }

    private static AlertRule backupRule(AlertScope scope, Duration maxAge) {
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

    static List<AlertRule> redisRules(AlertScope scope) {
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
                        StackAlerts.SUSTAINED,
                        Severity.warning,
                        scope.stack(),
                        "redis",
                        what + " is near maxmemory",
                        "Redis " + scope.namespace() + "/" + redis + " uses more than " + percent
                                + "% of its maxmemory; beyond it, it evicts"
                                + " keys or, with evictionPolicy NoEviction, refuses writes. Raise spec.redis.memory or store less."));
        rules.addAll(StackAlerts.podRules(scope, "redis", what, PromQl.statefulSetPods(redis)));
        return rules;
    }
}
