package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisStatus;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.ReconcileFlow.Observation;
import io.atonix.operator.common.ReconcileFlow.Refusal;
import io.atonix.operator.common.Retention;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.SettlingVolumes;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.monitoring.PrometheusOperatorInstalled;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a Redis: credentials (created once), the ACL file from their hashes, redis.conf, the Service and the
 * StatefulSet. A spec this version refuses changes nothing.
 */
@ControllerConfiguration(name = RedisReconciler.NAME, informer = @Informer(itemStore = WithoutManagedFields.class))
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(
                    name = "redis-credentials",
                    type = RedisCredentialsDependent.class,
                    readyPostcondition = CredentialsStored.class),
            // The ACL Secret is one of the Redis' Secrets: one informer (and cache) serves both dependents.
            @Dependent(
                    name = "redis-acl",
                    type = RedisAclDependent.class,
                    dependsOn = "redis-credentials",
                    useEventSourceWithName = "redis-credentials"),
            @Dependent(name = "redis-config", type = RedisConfigDependent.class),
            @Dependent(name = "redis-service", type = RedisServiceDependent.class),
            @Dependent(
                    name = "redis-statefulset",
                    type = RedisStatefulSetDependent.class,
                    dependsOn = {"redis-acl", "redis-config"}),
            @Dependent(
                    name = "redis-servicemonitor",
                    type = RedisServiceMonitorDependent.class,
                    activationCondition = PrometheusOperatorInstalled.class),
        })
public class RedisReconciler implements Reconciler<Redis>, ReconcileFlow.Steps<Redis, RedisStatus> {
    public static final String NAME = "redis";
    static final String DATA_CLAIMS = "redis-data-claims";

    private final ReconcileFlow<Redis, RedisStatus> flow = new ReconcileFlow<>(this);
    private final SettlingVolumes settlingVolumes = new SettlingVolumes();

    @Override
    public UpdateControl<Redis> reconcile(Redis redis, Context<Redis> context) {
        return flow.reconcile(redis, context);
    }

    /** The spec's rules, and what the StatefulSet as it stands allows (a volume cannot shrink). */
    @Override
    public Refusal check(Redis redis, Context<Redis> context) {
        List<SpecProblem> problems = RedisValidator.problems(
                redis, context.getSecondaryResource(StatefulSet.class).orElse(null));
        return problems.isEmpty()
                ? Refusal.NONE
                : Refusal.of(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
    }

    /**
     * The data claims the StatefulSet makes from its template, found by label: under Retain they are kept, annotated
     * and their volumes retained ({@link RedisRetention}), and a new Redis of the name adopts them.
     */
    @Override
    public List<EventSource<?, Redis>> prepareEventSources(EventSourceContext<Redis> context) {
        var claims = InformerEventSourceConfiguration.from(PersistentVolumeClaim.class, Redis.class)
                .withName(DATA_CLAIMS)
                .withLabelSelector(Labels.REDIS_CHILDREN_SELECTOR)
                .withItemStore(new WithoutManagedFields<>())
                .withSecondaryToPrimaryMapper(claim -> Secondaries.primaryNamedBy(claim, Labels.REDIS))
                .build();
        return List.of(new InformerEventSource<>(claims, context));
    }

    /** What the Redis keeps to reopen its data, held as its deletion policy says, and what it adopted. */
    @Override
    public Observation<RedisStatus> observe(Redis redis, Context<Redis> context) {
        Retention.Outcome retention = RedisRetention.apply(redis, context, settlingVolumes);
        return new Observation<>(
                RedisStatusBuilder.observed(
                        redis,
                        context.getSecondaryResource(StatefulSet.class).orElse(null),
                        retention.reopened(),
                        Instant.now()),
                Optional.ofNullable(retention.volumesSettling() ? Retention.SETTLING : null));
    }

    @Override
    public RedisStatus failed(Redis redis, String reason, String message) {
        return RedisStatusBuilder.failed(redis, reason, message, Instant.now());
    }

    @Override
    public ErrorStatusUpdateControl<Redis> updateErrorStatus(Redis redis, Context<Redis> context, Exception e) {
        return flow.updateErrorStatus(redis, context, e);
    }

    /** An Event when readiness changes or the spec is refused anew; none while the server starts. */
    @Override
    public List<Condition> conditions(RedisStatus status) {
        return status.conditions();
    }

    @Override
    public Set<String> progressReasons() {
        return Set.of(RedisStatusBuilder.REASON_STARTING);
    }
}
