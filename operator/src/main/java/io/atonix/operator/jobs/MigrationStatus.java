package io.atonix.operator.jobs;

import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The stack's view of a migration: a component that holds readiness back until the current version's Job succeeded. */
public final class MigrationStatus {
    public static final String COMPONENT = "Migration";
    public static final String REASON_SUCCEEDED = "MigrationSucceeded";
    public static final String REASON_RUNNING = "MigrationRunning";
    public static final String REASON_FAILED = "MigrationFailed";

    private MigrationStatus() {}

    /** @param current the Job of the current version, or null while it is not created */
    public static ComponentStatus of(JobSpec job, String jobName, Job current) {
        String services = String.join(", ", job.holds());
        return switch (JobState.of(current)) {
            case Succeeded -> ComponentStatus.of(COMPONENT, jobName, true, REASON_SUCCEEDED, "");
            case Missing, Running ->
                ComponentStatus.of(
                        COMPONENT,
                        jobName,
                        false,
                        REASON_RUNNING,
                        "Job " + jobName + " migrates for a new version: " + services
                                + " keep their previous version until it succeeded");
            case Failed ->
                ComponentStatus.of(
                        COMPONENT,
                        jobName,
                        false,
                        REASON_FAILED,
                        "Job " + jobName + " failed (" + JobState.failure(current) + "): the rollout of " + services
                                + " stopped, and they keep their previous version. Read its pods' logs (kubectl logs job/"
                                + jobName
                                + "); a new version of the job or the services runs it again, and deleting the"
                                + " Job retries this one");
        };
    }
}
