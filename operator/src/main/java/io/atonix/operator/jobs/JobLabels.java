package io.atonix.operator.jobs;

import io.atonix.operator.common.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels of a stack's job objects and their pods. The pods carry the stack and the job's name in
 * {@link Labels#SERVICE}, as a service's pods do: the stack's NetworkPolicies select and admit them by those labels.
 * Job names never equal service names (a CRD rule), so no Deployment or Service selects a job's pods.
 */
public final class JobLabels {
    /** On the Jobs of a migration: the job's name. The stack's other Jobs (a CronJob's runs) do not carry it. */
    public static final String MIGRATION = "atonix.io/migration";
    /** On the Jobs of a migration: the version of the job and the services it runs before. */
    public static final String VERSION = "atonix.io/migration-version";

    /** On the Jobs of a migration: the services whose rollout waits for it, comma-separated, for a person reading it. */
    public static final String RUNS_BEFORE = "atonix.io/runs-before";

    public static final String MIGRATION_COMPONENT = "migration";
    public static final String SCHEDULED_COMPONENT = "scheduled-job";

    private JobLabels() {}

    /** The labels of a job's objects and pods; {@code component} tells a migration from a scheduled job. */
    public static Map<String, String> of(String stack, String job, String component) {
        Map<String, String> labels = new LinkedHashMap<>(Labels.forService(stack, job));
        labels.put(Labels.COMPONENT, component);
        return labels;
    }

    /** The labels of one version's Job of a migration. */
    static Map<String, String> migration(String stack, String job, String version) {
        Map<String, String> labels = of(stack, job, MIGRATION_COMPONENT);
        labels.put(MIGRATION, job);
        labels.put(VERSION, version);
        return labels;
    }
}
