package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.operator.jobs.ScheduledJobs;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CronJobs of a stack's scheduled jobs, keyed by job name. */
public final class ScheduledJobObjects {
    private ScheduledJobObjects() {}

    public static Map<String, CronJob> desired(AppStack stack) {
        Map<String, CronJob> cronJobs = new LinkedHashMap<>();
        for (JobSpec job : stack.getSpec().jobs()) {
            if (job.schedule() != null) {
                cronJobs.put(job.name(), ScheduledJobs.desired(stack, job, JobPods.of(stack, job)));
            }
        }
        return cronJobs;
    }
}
