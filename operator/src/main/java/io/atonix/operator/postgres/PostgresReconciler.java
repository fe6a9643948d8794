package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.ReconcileFlow.Observation;
import io.atonix.operator.common.ReconcileFlow.Refusal;
import io.atonix.operator.common.Retention;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.SettlingVolumes;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.common.WaitBounds;
import io.atonix.operator.common.WaitStart;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.monitoring.PrometheusOperatorInstalled;
import io.atonix.operator.postgres.sql.Password;
import io.atonix.operator.postgres.sql.ProvisioningException;
import io.atonix.operator.postgres.sql.ProvisioningPlan;
import io.atonix.operator.postgres.sql.ProvisioningResult;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reconciles a Postgres: credentials (created once), postgresql.conf, Services and the StatefulSet; once the server is
 * ready, databases and roles inside it over JDBC. A spec this version refuses changes nothing.
 */
@ControllerConfiguration(name = PostgresReconciler.NAME, informer = @Informer(itemStore = WithoutManagedFields.class))
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = "postgres-credentials", type = PostgresCredentialsDependent.class),
            @Dependent(name = "postgres-config", type = PostgresConfigDependent.class),
            @Dependent(name = "postgres-services", type = PostgresServicesDependent.class),
            @Dependent(
                    name = "postgres-statefulset",
                    type = PostgresStatefulSetDependent.class,
                    dependsOn = {"postgres-credentials", "postgres-config"}),
            @Dependent(
                    name = "postgres-backup-claim",
                    type = PostgresBackupClaimDependent.class,
                    reconcilePrecondition = BackupRequested.class),
            @Dependent(
                    name = "postgres-backup-job",
                    type = PostgresBackupJobDependent.class,
                    dependsOn = "postgres-credentials"),
            @Dependent(
                    name = "postgres-servicemonitor",
                    type = PostgresServiceMonitorDependent.class,
                    activationCondition = PrometheusOperatorInstalled.class),
        })
public class PostgresReconciler implements Reconciler<Postgres>, ReconcileFlow.Steps<Postgres, PostgresStatus> {
    public static final String NAME = "postgres";
    /** A server that is not reachable yet, or failed provisioning, is looked at again after this long. */
    static final Duration RETRY_PROVISIONING = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(PostgresReconciler.class);

    private final ReconcileFlow<Postgres, PostgresStatus> flow = new ReconcileFlow<>(this);
    private final SettlingVolumes settlingVolumes = new SettlingVolumes();

    /** How many servers are provisioned at once, off the reconcile threads ({@link ProvisioningRuns}). */
    @ConfigProperty(name = "atonix.postgres.provisioning-threads", defaultValue = "4")
    int provisioningThreads;

    private ProvisioningRuns runs;

    /** How long the server waits on others (a data claim to grow, a Secret its spec names) before it reports stuck. */
    @Inject
    WaitBounds waits;

    @Override
    public UpdateControl<Postgres> reconcile(Postgres postgres, Context<Postgres> context) {
        return flow.reconcile(postgres, context);
    }

    @Override
    public Refusal check(Postgres postgres, Context<Postgres> context) {
        List<SpecProblem> problems = PostgresValidator.problems(postgres);
        return problems.isEmpty()
                ? Refusal.NONE
                : Refusal.of(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
    }

    /**
     * What the Postgres keeps to reopen its data, held as its deletion policy says, and what it adopted of an earlier
     * Postgres of its name ({@link PostgresRetention}); once the server is ready, databases and roles inside it; a
     * failed provisioning is tried again.
     */
    @Override
    public Observation<PostgresStatus> observe(Postgres postgres, Context<Postgres> context) {
        Retention.Outcome retention = PostgresRetention.apply(postgres, context, settlingVolumes);
        StatefulSet sts = context.getSecondaryResource(StatefulSet.class).orElse(null);
        String provisioning = null;
        if (PostgresStatusBuilder.serverReady(sts)) {
            provisioning = provision(postgres, context, sts);
        } else {
            runs.forget(ResourceID.fromResource(postgres));
        }
        Instant now = Instant.now();
        PostgresStatusBuilder.Volumes volumes = VolumeGrowth.grow(postgres, context, waits.volumeExpansion(), now);
        SecretWait.Outcome secrets = SecretWait.observe(
                postgres, PostgresStatusBuilder.serverReady(sts), context.getClient(), waits.referencedSecret(), now);
        PostgresStatus status = PostgresStatusBuilder.observed(
                postgres, sts, provisioning, volumes, secrets, retention.reopened(), now);
        boolean retry = provisioning != null && !provisioning.isEmpty();
        Duration recheck = retention.volumesSettling() ? Retention.SETTLING : retry ? RETRY_PROVISIONING : null;
        if (recheck == null
                && (!volumes.growing().isEmpty() || !secrets.waiting().isEmpty())) {
            // Nothing in the cluster changes when a bound passes: look again to say so.
            recheck = WaitStart.RECHECK;
        }
        if (ArchiveObservation.applies(postgres)) {
            status = ArchiveObservation.observe(postgres, context, status, "".equals(provisioning));
            if (recheck == null && ArchiveSettings.archives(postgres)) {
                recheck = ArchiveObservation.RECHECK;
            }
        }
        return new Observation<>(status, Optional.ofNullable(recheck));
    }

    @Override
    public List<EventSource<?, Postgres>> prepareEventSources(EventSourceContext<Postgres> context) {
        runs = new ProvisioningRuns(provisioningThreads);
        return List.of(runs);
    }

    @Override
    public PostgresStatus failed(Postgres postgres, String reason, String message) {
        return PostgresStatusBuilder.failed(postgres, reason, message, Instant.now());
    }

    /**
     * "" when the server matches the plan; otherwise why not, without any secret; null while a run is under way and the
     * stored status does not already say what provisioning this spec came to.
     */
    private String provision(Postgres postgres, Context<Postgres> context, StatefulSet sts) {
        Map<String, Secret> secrets = Secondaries.labelled(
                context,
                Secret.class,
                Labels.POSTGRES,
                postgres.getMetadata().getName(),
                s -> s.getMetadata().getName());
        var superuser = PostgresProvisioning.password(
                secrets.get(Names.postgresSuperuserSecret(postgres.getMetadata().getName())));
        var plan = PostgresProvisioning.plan(postgres, secrets);
        var caCertificate = PostgresProvisioning.caCertificate(postgres, secrets);
        if (superuser.isEmpty() || plan.isEmpty() || caCertificate.isEmpty()) {
            return "the credential Secrets are not available yet";
        }
        KubernetesClient client = context.getClient();
        String inputs = ProvisioningInputs.of(postgres, sts, secrets.values());
        Optional<String> outcome = runs.outcome(ResourceID.fromResource(postgres), inputs, () -> {
            return run(postgres, client, plan.get(), superuser.get(), caCertificate.get());
        });
        return outcome.or(() -> ProvisioningInputs.storedOutcome(postgres)).orElse(null);
    }

    private static String run(
            Postgres postgres,
            KubernetesClient client,
            ProvisioningPlan plan,
            Password superuser,
            Optional<String> caCertificate) {
        try {
            ProvisioningResult result = PostgresProvisioning.run(postgres, plan, superuser, caCertificate);
            for (String action : result.actions()) {
                EventRecorder.record(client, postgres, EventRecorder.NORMAL, "Provisioned", action);
            }
            return "";
        } catch (ProvisioningException e) {
            LOG.debugf(
                    "provisioning of Postgres %s/%s failed: %s",
                    postgres.getMetadata().getNamespace(),
                    postgres.getMetadata().getName(),
                    e.getMessage());
            return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        }
    }

    @Override
    public ErrorStatusUpdateControl<Postgres> updateErrorStatus(
            Postgres postgres, Context<Postgres> context, Exception e) {
        return flow.updateErrorStatus(postgres, context, e);
    }

    /** A Normal Event when the Postgres becomes ready. */
    @Override
    public List<Condition> conditions(PostgresStatus status) {
        return status.conditions();
    }

    @Override
    public Set<String> progressReasons() {
        return Set.of(PostgresStatusBuilder.REASON_STARTING, PostgresStatusBuilder.REASON_PROVISIONING);
    }
}
