package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.jobs.JobNames;
import io.atonix.operator.jobs.JobState;
import io.atonix.operator.jobs.MigrationJobs;
import io.atonix.operator.jobs.MigrationVersion;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migrations of a stack (its jobs with runBefore): the Job of each one's current version, and whether a service
 * may roll out, which it may once every migration that runs before it succeeded for the current version.
 */
public final class Migrations {
    private Migrations() {}

    /** The stack's jobs that run before a rollout. */
    static List<JobSpec> of(AppStack stack) {
        return stack.getSpec().jobs().stream()
                .filter(JobSpec::runsBeforeRollout)
                .toList();
    }

    /** The current version of a migration, from its spec and the containers of the services it runs before. */
    static String version(AppStack stack, JobSpec job) {
        return MigrationVersion.of(
                job,
                stack.getSpec().services().stream()
                        .filter(service -> job.holds().contains(service.name()))
                        .toList());
    }

    /** The name of the Job of the migration's current version. */
    static String jobName(AppStack stack, JobSpec job) {
        return JobNames.migration(stack.getMetadata().getName(), job.name(), version(stack, job));
    }

    /** The Job of each migration's current version, keyed by Job name. */
    public static Map<String, Job> desired(AppStack stack) {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (JobSpec job : of(stack)) {
            Job desired = MigrationJobs.desired(stack, job, JobPods.of(stack, job), version(stack, job));
            jobs.put(desired.getMetadata().getName(), desired);
        }
        return jobs;
    }

    /**
     * Whether the service's new version may roll out: every migration that runs before it succeeded for the current
     * version.
     *
     * @param jobs the stack's migration Jobs in the cluster, by name
     */
    static boolean mayRollOut(AppStack stack, ServiceSpec service, Map<String, Job> jobs) {
        return of(stack).stream()
                .filter(job -> job.holds().contains(service.name()))
                .allMatch(job -> JobState.of(jobs.get(jobName(stack, job))) == JobState.Succeeded);
    }
}
