package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.Binding;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.ReopenedData;
import io.atonix.operator.common.StatefulSetRollout;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Postgres' status from its StatefulSet and the outcome of provisioning, as a pure function. */
public final class PostgresStatusBuilder {
    public static final String REASON_READY = "Ready";
    public static final String REASON_STARTING = "Starting";
    public static final String REASON_INVALID_SPEC = ReconcileFlow.INVALID_SPEC;
    public static final String REASON_PROVISIONING_FAILED = "ProvisioningFailed";
    /** How the Ready message of a failed provisioning begins; what follows is the failure. */
    static final String FAILED = "Creating databases and roles failed: ";
    /** The server is ready and a run creating its databases and roles is under way. */
    public static final String REASON_PROVISIONING = "Provisioning";

    public static final String REASON_RECONCILE_FAILED = ReconcileFlow.RECONCILE_FAILED;
    public static final String REASON_EXPANDING_VOLUME = "ExpandingVolume";
    public static final String REASON_VOLUME_EXPANSION_FAILED = "VolumeExpansionFailed";

    private PostgresStatusBuilder() {}

    /** True when the StatefulSet's pod runs the current template and is ready. */
    public static boolean serverReady(StatefulSet sts) {
        return StatefulSetRollout.complete(sts);
    }

    /**
     * What became of the data volumes: claims whose volume is still growing, why a claim could not be grown (null when
     * nothing failed), and why claims that have been growing for longer than their bound are stuck.
     */
    public record Volumes(List<String> growing, String failure, List<String> overdue) {
        public static final Volumes STEADY = new Volumes(List.of(), null);

        public Volumes(List<String> growing, String failure) {
            this(growing, failure, List.of());
        }
    }

    /**
     * @param provisioning null while the server is not ready or a run is under way; otherwise the failure message, or
     *        "" when provisioning succeeded
     */
    public static PostgresStatus observed(
            Postgres postgres, StatefulSet sts, String provisioning, Volumes volumes, Instant now) {
        return observed(postgres, sts, provisioning, volumes, List.of(), now);
    }

    /** @param adopted what this reconcile adopted of an earlier Postgres of the name ({@link ReopenedData}) */
    public static PostgresStatus observed(
            Postgres postgres,
            StatefulSet sts,
            String provisioning,
            Volumes volumes,
            List<String> adopted,
            Instant now) {
        return observed(postgres, sts, provisioning, volumes, SecretWait.Outcome.NONE, adopted, now);
    }

    /** @param secrets the user's Secrets the server's pods wait for ({@link SecretWait}) */
    static PostgresStatus observed(
            Postgres postgres,
            StatefulSet sts,
            String provisioning,
            Volumes volumes,
            SecretWait.Outcome secrets,
            List<String> adopted,
            Instant now) {
        Long generation = postgres.getMetadata().getGeneration();
        boolean server = serverReady(sts);
        boolean provisioned = server && "".equals(provisioning);
        boolean running = server && provisioning == null;
        boolean failed = server && !provisioned && !running;
        String waiting = !server
                ? "Waiting for the PostgreSQL server to be ready"
                        + (secrets.waiting().isEmpty() ? "" : ": " + String.join("; ", secrets.waiting()))
                : provisioned ? "" : running ? "Creating databases and roles" : FAILED + provisioning;
        String reason = provisioned
                ? REASON_READY
                : running ? REASON_PROVISIONING : server ? REASON_PROVISIONING_FAILED : REASON_STARTING;
        List<String> problems = new ArrayList<>();
        String degradedReason = REASON_READY;
        if (volumes.failure() != null) {
            problems.add("The data volume could not grow to "
                    + postgres.getSpec().storage().size() + ": " + volumes.failure());
            degradedReason = degradedReason.equals(REASON_READY) ? REASON_VOLUME_EXPANSION_FAILED : degradedReason;
        }
        if (!volumes.overdue().isEmpty()) {
            problems.add("The data volume has not grown to "
                    + postgres.getSpec().storage().size() + ": " + String.join("; ", volumes.overdue()));
            degradedReason = degradedReason.equals(REASON_READY) ? WaitStart.EXCEEDED : degradedReason;
        }
        if (!secrets.overdue().isEmpty()) {
            problems.addAll(secrets.overdue());
            degradedReason = degradedReason.equals(REASON_READY) ? WaitStart.EXCEEDED : degradedReason;
        }
        if (failed) {
            problems.add(waiting);
            degradedReason = degradedReason.equals(REASON_READY) ? REASON_PROVISIONING_FAILED : degradedReason;
        }
        boolean expanding = server && !volumes.growing().isEmpty();
        boolean progressing = !server || expanding || running;
        String progress = !server
                ? waiting
                : expanding
                        ? "Growing " + String.join(", ", volumes.growing()) + " to "
                                + postgres.getSpec().storage().size()
                        : running ? waiting : "";
        List<Condition> conditions = List.of(
                Conditions.of(
                        ConditionTypes.READY,
                        provisioned,
                        reason,
                        provisioned
                                ? "PostgreSQL " + postgres.getSpec().version() + " is ready with "
                                        + postgres.getSpec().databases().size() + " databases"
                                : waiting,
                        generation),
                Conditions.of(
                        ConditionTypes.PROGRESSING,
                        progressing,
                        !server
                                ? REASON_STARTING
                                : expanding ? REASON_EXPANDING_VOLUME : running ? REASON_PROVISIONING : REASON_READY,
                        progress,
                        generation),
                Conditions.of(
                        ConditionTypes.DEGRADED,
                        !problems.isEmpty(),
                        degradedReason,
                        String.join("; ", problems),
                        generation));
        List<String> databases = new ArrayList<>();
        if (provisioned) {
            postgres.getSpec().databases().stream().map(DatabaseSpec::name).forEach(databases::add);
        }
        // The login spec.binding chooses: never one picked by list order, never the superuser.
        Binding binding = postgres.getSpec().binding() == null
                ? null
                : new Binding(PostgresBinding.secretName(
                        postgres.getMetadata().getName(),
                        postgres.getSpec().binding().login()));
        Integer ready = sts == null || sts.getStatus() == null
                ? Integer.valueOf(0)
                : Optional.ofNullable(sts.getStatus().getReadyReplicas()).orElse(0);
        return new PostgresStatus(
                generation,
                withTimes(postgres, conditions, adopted, now),
                ready,
                server ? postgres.getSpec().version() : previousVersion(postgres),
                databases,
                binding,
                null,
                null);
    }

    public static PostgresStatus failed(Postgres postgres, String reason, String message, Instant now) {
        Long generation = postgres.getMetadata().getGeneration();
        List<Condition> conditions = Conditions.refused(reason, message, generation);
        PostgresStatus previous = postgres.getStatus();
        return new PostgresStatus(
                generation,
                withTimes(postgres, conditions, List.of(), now),
                previous == null ? null : previous.readyInstances(),
                previousVersion(postgres),
                previous == null ? List.of() : previous.databases(),
                previous == null ? null : previous.binding(),
                previous == null ? null : previous.backup(),
                previous == null ? null : previous.recovery());
    }

    private static String previousVersion(Postgres postgres) {
        return postgres.getStatus() == null ? null : postgres.getStatus().version();
    }

    private static List<Condition> withTimes(
            Postgres postgres, List<Condition> conditions, List<String> adopted, Instant now) {
        List<Condition> previous =
                postgres.getStatus() == null ? List.of() : postgres.getStatus().conditions();
        return Conditions.settle(previous, ReopenedData.with(conditions, previous, postgres, adopted), now);
    }
}
