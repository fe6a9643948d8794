package io.atonix.operator.jobs;

import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.operator.monitoring.AlertRule;
import io.atonix.operator.monitoring.AlertRule.Severity;
import java.util.List;

/**
 * The alert of a job of a stack, read from kube-state-metrics: a migration whose current Job failed (only the current
 * version's Job is kept), or a scheduled job whose last failed run is newer than its last success.
 */
public final class JobAlerts {
    private JobAlerts() {}

    public static List<AlertRule> rules(String namespace, String stack, JobSpec job) {
        String where = namespace + "/" + stack;
        String jobs = "kubectl -n " + namespace + " get jobs -l atonix.io/stack=" + stack + ",atonix.io/service="
                + job.name();
        if (job.runsBeforeRollout()) {
            String regex = JobNames.migrationPrefix(stack, job.name()) + "[0-9a-f]{" + JobNames.VERSION_LENGTH + "}";
            return List.of(new AlertRule(
                    "AtonixMigrationFailed",
                    "max by (namespace, job_name) (kube_job_failed{namespace=\"" + namespace + "\", job_name=~\""
                            + regex + "\", condition=\"true\"}) == 1",
                    null,
                    Severity.critical,
                    stack,
                    job.name(),
                    "Migration " + job.name() + " of stack " + where + " failed",
                    "Job {{ $labels.job_name }} failed, so " + String.join(", ", job.holds())
                            + " keep their previous version. Read its logs (kubectl -n " + namespace
                            + " logs job/{{ $labels.job_name }}) and see " + jobs + "."));
        }
        String cronJob = JobNames.cronJob(stack, job.name());
        String runs = "namespace=\"" + namespace + "\", job_name=~\"" + cronJob + "-[0-9]+\"";
        return List.of(new AlertRule(
                "AtonixScheduledJobFailed",
                "max by (namespace) ((kube_job_failed{" + runs
                        + ", condition=\"true\"} == 1) * on (namespace, job_name)"
                        + " kube_job_status_start_time{" + runs + "}) > on (namespace)"
                        + " (max by (namespace) (kube_cronjob_status_last_successful_time{namespace=\"" + namespace
                        + "\", cronjob=\"" + cronJob
                        + "\"}) or on (namespace) max by (namespace) (kube_cronjob_created{namespace=\""
                        + namespace + "\", cronjob=\"" + cronJob + "\"}) * 0)",
                null,
                Severity.warning,
                stack,
                job.name(),
                "Scheduled job " + job.name() + " of stack " + where + " failed its last run",
                "The last run of CronJob " + namespace + "/" + cronJob
                        + " failed and no run succeeded since. Read the failed run's logs (" + jobs
                        + ", then kubectl -n " + namespace + " logs job/<name>)."));
    }
}
