package io.atonix.operator.jobs;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Optional;

/** Where a Job stands, from its status conditions as the Job controller writes them. */
public enum JobState {
    /** Not created yet. */
    Missing,
    Running,
    Succeeded,
    Failed;

    public static JobState of(Job job) {
        if (job == null) {
            return Missing;
        }
        if (condition(job, "Complete").isPresent()) {
            return Succeeded;
        }
        if (condition(job, "Failed").isPresent()) {
            return Failed;
        }
        return Running;
    }

    /** What the Job controller said about the failure, such as "Job has reached the specified backoff limit". */
    public static String failure(Job job) {
        return condition(job, "Failed")
                .map(c -> c.getMessage() == null || c.getMessage().isBlank()
                        ? String.valueOf(c.getReason())
                        : c.getReason() + ": " + c.getMessage())
                .orElse("");
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }
}
