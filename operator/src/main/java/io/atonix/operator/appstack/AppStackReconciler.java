package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.operator.common.ChildChanges;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.ReconcileFlow.Observation;
import io.atonix.operator.common.ReconcileFlow.Refusal;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.edge.CertManagerInstalled;
import io.atonix.operator.edge.GatewayApiInstalled;
import io.atonix.operator.kafka.KafkaOutcome;
import io.atonix.operator.kafka.KafkaStep;
import io.atonix.operator.keda.KedaInstalled;
import io.atonix.operator.keda.TriggersValidator;
import io.atonix.operator.monitoring.PrometheusOperatorInstalled;
import io.atonix.operator.objectstore.CosiInstalled;
import io.atonix.operator.objectstore.CosiValidator;
import io.atonix.operator.objectstore.CredentialsSecrets;
import io.atonix.operator.objectstore.ObjectStoreStep;
import io.atonix.operator.observability.AppStackGauges;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reconciles an AppStack: checks the spec, then lets the workflow of per-service dependents bring the cluster to
 * the desired state, then reports what the cluster shows. A spec that cannot be applied changes nothing.
 */
@ControllerConfiguration(
        name = AppStackReconciler.NAME,
        informer = @Informer(onUpdateFilter = Pause.class, itemStore = WithoutManagedFields.class))
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = "serviceaccounts", type = ServiceAccountDependent.class),
            @Dependent(name = "migrations", type = MigrationJobDependent.class),
            @Dependent(name = "cronjobs", type = CronJobDependent.class),
            @Dependent(name = "deployments", type = DeploymentDependent.class, dependsOn = "serviceaccounts"),
            @Dependent(name = "services", type = ServiceDependent.class),
            @Dependent(name = "autoscalers", type = HorizontalPodAutoscalerDependent.class, dependsOn = "deployments"),
            @Dependent(
                    name = "keda-authentications",
                    type = TriggerAuthenticationDependent.class,
                    activationCondition = KedaInstalled.class),
            // After the HPAs (KEDA refuses a workload another HPA scales), not after the TriggerAuthentications: that
            // made java-operator-sdk start its informer where KEDA is not installed.
            @Dependent(
                    name = "scaledobjects",
                    type = ScaledObjectDependent.class,
                    dependsOn = "autoscalers",
                    activationCondition = KedaInstalled.class),
            @Dependent(
                    name = "bucketaccesses",
                    type = BucketAccessDependent.class,
                    activationCondition = CosiInstalled.class),
            @Dependent(name = "disruptionbudgets", type = PodDisruptionBudgetDependent.class),
            @Dependent(name = "authproxy-serviceaccounts", type = AuthProxyServiceAccountDependent.class),
            @Dependent(name = "authproxy-cookies", type = AuthProxyCookieDependent.class),
            @Dependent(name = "authproxy-emails", type = AuthProxyEmailsDependent.class),
            @Dependent(
                    name = "authproxy-deployments",
                    type = AuthProxyDeploymentDependent.class,
                    dependsOn = {"authproxy-serviceaccounts", "authproxy-cookies", "authproxy-emails"}),
            @Dependent(name = "authproxy-services", type = AuthProxyServiceDependent.class),
            @Dependent(name = "ingresses", type = IngressDependent.class, dependsOn = "services"),
            @Dependent(
                    name = "httproutes",
                    type = HttpRouteDependent.class,
                    dependsOn = "services",
                    activationCondition = GatewayApiInstalled.class),
            @Dependent(
                    name = "certificates",
                    type = CertificateDependent.class,
                    activationCondition = CertManagerInstalled.class),
            @Dependent(name = "postgres", type = ChildPostgresDependent.class),
            @Dependent(name = "networkpolicies", type = NetworkPolicyDependent.class),
            @Dependent(name = "redis", type = ChildRedisDependent.class),
            @Dependent(
                    name = "servicemonitors",
                    type = ServiceMonitorDependent.class,
                    activationCondition = PrometheusOperatorInstalled.class),
            @Dependent(
                    name = "alerts",
                    type = AlertRulesDependent.class,
                    activationCondition = PrometheusOperatorInstalled.class),
        })
public class AppStackReconciler
        implements Reconciler<AppStack>, Cleaner<AppStack>, ReconcileFlow.Steps<AppStack, AppStackStatus> {
    public static final String NAME = "appstack";
    /** A missing Secret or ConfigMap may be created at any time; look again after this long. */
    static final Duration RECHECK_MISSING_REFERENCES = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(AppStackReconciler.class);
    /** Where the Kafka part's outcome waits, within one reconcile, for the status. */
    private static final String KAFKA_OUTCOME = "kafka-outcome";
    /** Topics and users in the Kafka cluster's namespace, which owner references cannot reach (see docs/kafka.md). */
    @Inject
    KafkaStep kafka;

    @Override
    public List<EventSource<?, AppStack>> prepareEventSources(EventSourceContext<AppStack> context) {
        return List.of(BindingSecretsSource.of(context), CredentialsSecrets.source(context));
    }

    @Inject
    AppStackGauges gauges;

    @Inject
    PlatformSettings platform;

    @Inject
    RetiredDashboards retiredDashboards;

    private final ReconcileFlow<AppStack, AppStackStatus> flow = new ReconcileFlow<>(this);

    @Override
    public UpdateControl<AppStack> reconcile(AppStack stack, Context<AppStack> context) {
        if (Pause.requested(stack)) {
            LOG.debugf(
                    "AppStack %s/%s is paused",
                    stack.getMetadata().getNamespace(), stack.getMetadata().getName());
            return flow.write(stack, AppStackStatusBuilder.paused(stack, Instant.now()), context);
        }
        gauges.observe(context);
        // Before the spec is checked: a stack whose spec is refused loses its old dashboard too.
        retiredDashboards.sweep(stack, context);
        return flow.reconcile(stack, context);
    }

    /** The spec's own rules first; only a valid spec is checked against the cluster (routes taken, references missing). */
    @Override
    public Refusal check(AppStack stack, Context<AppStack> context) {
        List<SpecProblem> problems = new ArrayList<>(AppStackValidator.validate(stack));
        problems.addAll(GatewayPaths.validate(stack.getSpec(), platform));
        problems.addAll(TriggersValidator.prometheus(stack.getSpec(), platform.prometheus()));
        problems.addAll(CosiValidator.problems(stack.getSpec(), platform.cosi()));
        if (!problems.isEmpty()) {
            return Refusal.of(message(problems));
        }
        problems.addAll(ClusterChecks.routeConflicts(stack, ServedRoute.inCluster(context)));
        List<SpecProblem> missing = ClusterChecks.missingReferences(stack, ReferencedKeys.lookup(context, stack));
        problems.addAll(missing);
        if (problems.isEmpty()) {
            return Refusal.NONE;
        }
        return new Refusal(
                message(problems), Optional.ofNullable(missing.isEmpty() ? null : RECHECK_MISSING_REFERENCES));
    }

    /** The Kafka side, before the workflow: the Deployments' credentials checksum then covers the binding Secrets written now. */
    @Override
    public void beforeWorkflow(AppStack stack, Context<AppStack> context) {
        ChildChanges.collect(context);
        context.managedWorkflowAndDependentResourceContext().put(KAFKA_OUTCOME, kafka.reconcile(stack, context));
        ObjectStoreStep.reconcile(stack, context);
    }

    /** One Event per verb for the children the reconcile created, updated or deleted, also after a failure. */
    @Override
    public void afterWorkflow(AppStack stack, Context<AppStack> context) {
        ChildChanges.report(context, stack);
    }

    @Override
    public Observation<AppStackStatus> observe(AppStack stack, Context<AppStack> context) {
        KafkaOutcome kafkaOutcome =
                context.managedWorkflowAndDependentResourceContext().getMandatory(KAFKA_OUTCOME, KafkaOutcome.class);
        return new Observation<>(ObservedStatus.of(stack, context, kafkaOutcome, platform), kafkaOutcome.recheck());
    }

    @Override
    public AppStackStatus failed(AppStack stack, String reason, String message) {
        return AppStackStatusBuilder.failed(stack, reason, message, Instant.now());
    }

    /**
     * Children in the stack's namespace go with it through their owner references; only the Kafka side, in another
     * namespace, needs this finalizer. Its cleanup never holds a stack whose Kafka side is gone, nor one whose Topic
     * Operator does not answer, or whose cleanup keeps failing, for longer than the bound (atonix.waits.kafka-unmanaged):
     * a namespace deletion never wedges.
     */
    @Override
    public DeleteControl cleanup(AppStack stack, Context<AppStack> context) {
        return kafka.cleanup(stack, context)
                .map(recheck -> DeleteControl.noFinalizerRemoval().rescheduleAfter(recheck))
                .orElseGet(DeleteControl::defaultDelete);
    }

    @Override
    public ErrorStatusUpdateControl<AppStack> updateErrorStatus(
            AppStack stack, Context<AppStack> context, Exception e) {
        return flow.updateErrorStatus(stack, context, e);
    }

    private static String message(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    }

    /**
     * An Event when readiness changes, and when a stack that is not ready stays so for a new reason; a rollout in
     * progress is Normal, and its changing message is not news.
     */
    @Override
    public List<Condition> conditions(AppStackStatus status) {
        return status.conditions();
    }

    @Override
    public Set<String> progressReasons() {
        return Set.of(AppStackStatusBuilder.REASON_ROLLING_OUT);
    }

    @Override
    public boolean onlyProgressMoved(AppStackStatus stored, AppStackStatus observed) {
        return StatusProgress.only(stored, observed);
    }
}
