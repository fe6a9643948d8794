package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.kafka.KafkaOutcome;
import io.atonix.operator.monitoring.PrometheusOperatorApi;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.Map;

/** A stack's status from what the informers hold after a reconcile: services, data stores, Kafka and monitoring. */
final class ObservedStatus {

    private ObservedStatus() {}

    static AppStackStatus of(AppStack stack, Context<AppStack> context, KafkaOutcome kafkaOutcome) {
        String name = stack.getMetadata().getName();
        Map<String, Deployment> deployments = Secondaries.labelled(
                context, Deployment.class, Labels.STACK, name, d -> Secondaries.label(d, Labels.SERVICE));
        Postgres postgres = Secondaries.labelled(
                        context, Postgres.class, Labels.STACK, name, p -> ChildPostgresDependent.KEY)
                .get(ChildPostgresDependent.KEY);
        Redis redis = Secondaries.labelled(context, Redis.class, Labels.STACK, name, r -> ChildRedisDependent.KEY)
                .get(ChildRedisDependent.KEY);
        Instant now = Instant.now();
        AppStackStatus status = MonitoringStatus.withComponent(
                stack,
                AppStackStatusBuilder.observed(
                        stack,
                        deployments,
                        postgres,
                        redis,
                        kafkaOutcome.component().orElse(null),
                        now),
                PrometheusOperatorApi.installed(context.getClient()));
        return ComponentTimes.settled(stack, status, now);
    }
}
