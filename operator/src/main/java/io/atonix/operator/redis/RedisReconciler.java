package io.atonix.operator.redis;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.atonix.api.v1alpha1.common.Condition;
import io.atonix.api.v1alpha1.common.ConditionTypes;
import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.api.v1alpha1.redis.RedisStatus;
import io.atonix.operator.monitoring.PrometheusOperatorInstalled;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.StatusWriter;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;

/**
 * Reconciles a Redis: credentials (created once), the ACL file from their hashes, redis.conf, the Service and the
 * StatefulSet. A spec this version refuses changes nothing.
 */
@ControllerConfiguration(name = RedisReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "redis-credentials", type = RedisCredentialsDependent.class, readyPostcondition = CredentialsStored.class),
        @Dependent(name = "redis-acl", type = RedisAclDependent.class, dependsOn = "redis-credentials"),
        @Dependent(name = "redis-config", type = RedisConfigDependent.class),
        @Dependent(name = "redis-service", type = RedisServiceDependent.class),
        @Dependent(name = "redis-statefulset", type = RedisStatefulSetDependent.class, dependsOn = { "redis-acl", "redis-config" }),
        @Dependent(name = "redis-servicemonitor", type = RedisServiceMonitorDependent.class,
                activationCondition = PrometheusOperatorInstalled.class),
})
public class RedisReconciler implements Reconciler<Redis> {
    public static final String NAME = "redis";
    private static final Logger LOG = Logger.getLogger(RedisReconciler.class);

    @Override
    public UpdateControl<Redis> reconcile(Redis redis, Context<Redis> context) {
        StatefulSet sts = context.getSecondaryResource(StatefulSet.class).orElse(null);
        List<String> problems = RedisValidator.problems(redis, sts);
        if (!problems.isEmpty()) {
            return write(redis, RedisStatusBuilder.failed(redis, RedisStatusBuilder.REASON_INVALID_SPEC, String.join("; ", problems),
                    Instant.now()), context);
        }
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow().throwAggregateExceptionIfErrorsPresent();
        sts = context.getSecondaryResource(StatefulSet.class).orElse(null);
        return write(redis, RedisStatusBuilder.observed(redis, sts, Instant.now()), context);
    }

    @Override
    public ErrorStatusUpdateControl<Redis> updateErrorStatus(Redis redis, Context<Redis> context, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            write(redis, RedisStatusBuilder.failed(redis, RedisStatusBuilder.REASON_RECONCILE_FAILED, message, Instant.now()), context);
        } catch (RuntimeException statusFailure) {
            LOG.debugf("could not report the failure in the status: %s", statusFailure.getMessage());
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    /** Writes the status when it changed, and records an Event when readiness changes or the spec is refused anew. */
    private static UpdateControl<Redis> write(Redis redis, RedisStatus status, Context<Redis> context) {
        RedisStatus previous = redis.getStatus();
        UpdateControl<Redis> control = StatusWriter.write(redis, status, context);
        Condition before = previous == null ? null : Conditions.find(previous.conditions(), ConditionTypes.READY).orElse(null);
        Condition after = Conditions.find(status.conditions(), ConditionTypes.READY).orElseThrow();
        boolean changed = before == null || !before.status().equals(after.status()) || !before.reason().equals(after.reason())
                || !before.message().equals(after.message());
        if (changed && (after.holds() || !RedisStatusBuilder.REASON_STARTING.equals(after.reason()))) {
            EventRecorder.record(context.getClient(), redis, after.holds() ? EventRecorder.NORMAL : EventRecorder.WARNING, after.reason(),
                    after.message());
        }
        return control;
    }
}
