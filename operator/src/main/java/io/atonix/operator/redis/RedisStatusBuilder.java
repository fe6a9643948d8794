package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.Binding;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisStatus;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.ReopenedData;
import io.atonix.operator.common.StatefulSetRollout;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.List;

/** A Redis' status from its StatefulSet, as a pure function. */
public final class RedisStatusBuilder {
    public static final String REASON_READY = "Ready";
    public static final String REASON_STARTING = "Starting";
    public static final String REASON_INVALID_SPEC = ReconcileFlow.INVALID_SPEC;
    public static final String REASON_RECONCILE_FAILED = ReconcileFlow.RECONCILE_FAILED;

    private RedisStatusBuilder() {}

    public static RedisStatus observed(Redis redis, StatefulSet sts, Instant now) {
        return observed(redis, sts, List.of(), now);
    }

    /** @param adopted what this reconcile adopted of an earlier Redis of the name ({@link ReopenedData}) */
    public static RedisStatus observed(Redis redis, StatefulSet sts, List<String> adopted, Instant now) {
        Long generation = redis.getMetadata().getGeneration();
        boolean ready = StatefulSetRollout.complete(sts);
        String waiting = "Waiting for the Redis server to be ready";
        List<Condition> conditions = List.of(
                Conditions.of(
                        ConditionTypes.READY,
                        ready,
                        ready ? REASON_READY : REASON_STARTING,
                        ready
                                ? "Redis " + redis.getSpec().version() + " is ready with "
                                        + redis.getSpec().users().size() + " users"
                                : waiting,
                        generation),
                Conditions.of(
                        ConditionTypes.PROGRESSING,
                        !ready,
                        ready ? REASON_READY : REASON_STARTING,
                        ready ? "" : waiting,
                        generation),
                Conditions.of(ConditionTypes.DEGRADED, false, REASON_READY, "", generation));
        return new RedisStatus(
                generation,
                withTimes(redis, conditions, adopted, now),
                ready ? redis.getSpec().version() : previousVersion(redis),
                binding(redis));
    }

    public static RedisStatus failed(Redis redis, String reason, String message, Instant now) {
        Long generation = redis.getMetadata().getGeneration();
        RedisStatus previous = redis.getStatus();
        return new RedisStatus(
                generation,
                withTimes(redis, Conditions.refused(reason, message, generation), List.of(), now),
                previousVersion(redis),
                previous == null ? null : previous.binding());
    }

    /** The Secret of the login spec.binding chooses; none without it, and never the administrator's. */
    static Binding binding(Redis redis) {
        var chosen = redis.getSpec().binding();
        return chosen == null
                ? null
                : new Binding(RedisBinding.secretName(redis.getMetadata().getName(), chosen.login()));
    }

    private static String previousVersion(Redis redis) {
        return redis.getStatus() == null ? null : redis.getStatus().version();
    }

    private static List<Condition> withTimes(
            Redis redis, List<Condition> conditions, List<String> adopted, Instant now) {
        List<Condition> previous =
                redis.getStatus() == null ? List.of() : redis.getStatus().conditions();
        return Conditions.settle(previous, ReopenedData.with(conditions, previous, redis, adopted), now);
    }
}
