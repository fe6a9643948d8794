package io.atonix.operator.gitops;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.postgres.PostgresStatusBuilder;
import io.atonix.operator.postgres.PostgresStatusBuilder.Volumes;
import io.atonix.operator.redis.RedisStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources from the samples with the statuses the operator's own status builders give them in each situation a
 * GitOps tool must tell apart: no status yet, ready, on its way, stuck, refused, a change not yet observed, paused.
 */
final class StatusFixtures {
    static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."));
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private StatusFixtures() {}

    static Postgres postgresWithoutStatus() throws IOException {
        return postgres(1);
    }

    static Postgres readyPostgres() throws IOException {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyStatefulSet(), "", Volumes.STEADY, NOW));
        return postgres;
    }

    static Postgres startingPostgres() throws IOException {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, null, null, Volumes.STEADY, NOW));
        return postgres;
    }

    static Postgres postgresGrowingItsVolume() throws IOException {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(
                postgres, readyStatefulSet(), "", new Volumes(List.of("data-orders-0"), null), NOW));
        return postgres;
    }

    static Postgres postgresWhoseVolumeCannotGrow() throws IOException {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(
                postgres,
                readyStatefulSet(),
                "",
                new Volumes(List.of(), "storageclass.storage.k8s.io \"standard\" does not allow volume expansion"),
                NOW));
        return postgres;
    }

    /** A ready Postgres whose spec then changed: the operator has not acted on generation 3 yet. */
    static Postgres postgresWithUnobservedChange() throws IOException {
        Postgres postgres = readyPostgres();
        postgres.getMetadata().setGeneration(3L);
        return postgres;
    }

    static Postgres deletedPostgres() throws IOException {
        Postgres postgres = readyPostgres();
        postgres.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        return postgres;
    }

    static AppStack readyStack() throws IOException {
        AppStack stack = stack(4);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (var service : stack.getSpec().services()) {
            deployments.put(service.name(), deployment(service.name(), null));
        }
        stack.setStatus(AppStackStatusBuilder.observed(stack, deployments, null, null, null, NOW));
        return stack;
    }

    static AppStack stackRollingOut() throws IOException {
        AppStack stack = stack(4);
        stack.setStatus(AppStackStatusBuilder.observed(stack, Map.of(), null, null, null, NOW));
        return stack;
    }

    static AppStack stackPastItsProgressDeadline() throws IOException {
        AppStack stack = stack(4);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        deployments.put("web", deployment("web", null));
        deployments.put("api", deployment("api", AppStackStatusBuilder.REASON_DEADLINE));
        stack.setStatus(AppStackStatusBuilder.observed(stack, deployments, null, null, null, NOW));
        return stack;
    }

    static AppStack stackWithAnInvalidSpec() throws IOException {
        AppStack stack = stack(4);
        stack.setStatus(AppStackStatusBuilder.failed(
                stack,
                AppStackStatusBuilder.REASON_INVALID_SPEC,
                "spec.services[0].port: must be between 1 and 65535",
                NOW));
        return stack;
    }

    /** A ready stack annotated atonix.io/paused=true, its spec unchanged since. */
    static AppStack pausedReadyStack() throws IOException {
        AppStack stack = readyStack();
        stack.setStatus(AppStackStatusBuilder.paused(stack, NOW));
        return stack;
    }

    /** A ready stack that was paused and then changed: the change waits for the pause to end. */
    static AppStack pausedStackWithAChange() throws IOException {
        AppStack stack = pausedReadyStack();
        stack.getMetadata().setGeneration(5L);
        stack.setStatus(AppStackStatusBuilder.paused(stack, NOW));
        return stack;
    }

    static Redis readyRedis() throws IOException {
        Redis redis = redis(5);
        redis.setStatus(RedisStatusBuilder.observed(redis, readyStatefulSet(), NOW));
        return redis;
    }

    static Redis startingRedis() throws IOException {
        Redis redis = redis(5);
        redis.setStatus(RedisStatusBuilder.observed(redis, null, NOW));
        return redis;
    }

    static Redis redisWithAnInvalidSpec() throws IOException {
        Redis redis = redis(5);
        redis.setStatus(RedisStatusBuilder.failed(
                redis, RedisStatusBuilder.REASON_INVALID_SPEC, "spec.memory: too small", NOW));
        return redis;
    }

    private static Postgres postgres(long generation) throws IOException {
        Postgres postgres = sample("samples/postgres.yaml", Postgres.class);
        postgres.getMetadata().setGeneration(generation);
        return postgres;
    }

    private static AppStack stack(long generation) throws IOException {
        AppStack stack = sample("samples/appstack-web.yaml", AppStack.class);
        stack.getMetadata().setGeneration(generation);
        return stack;
    }

    private static Redis redis(long generation) throws IOException {
        Redis redis = sample("samples/redis.yaml", Redis.class);
        redis.getMetadata().setGeneration(generation);
        return redis;
    }

    private static <T> T sample(String path, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve(path))) {
            return SERIALIZATION.unmarshal(in, type);
        }
    }

    private static StatefulSet readyStatefulSet() {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName("orders")
                .withGeneration(1L)
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(1)
                .withReadyReplicas(1)
                .withCurrentReplicas(1)
                .withUpdatedReplicas(1)
                .withCurrentRevision("r1")
                .withUpdateRevision("r1")
                .endStatus()
                .build();
    }

    /** A Deployment whose two pods run the current template; with a reason, its Progressing condition says so. */
    private static Deployment deployment(String name, String progressingFalseReason) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withGeneration(1L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec();
        if (progressingFalseReason == null) {
            return builder.withNewStatus()
                    .withObservedGeneration(1L)
                    .withReplicas(2)
                    .withUpdatedReplicas(2)
                    .withReadyReplicas(2)
                    .withAvailableReplicas(2)
                    .endStatus()
                    .build();
        }
        return builder.withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(2)
                .withUpdatedReplicas(1)
                .withReadyReplicas(1)
                .withAvailableReplicas(1)
                .addNewCondition()
                .withType("Progressing")
                .withStatus("False")
                .withReason(progressingFalseReason)
                .withMessage("ReplicaSet has timed out progressing.")
                .endCondition()
                .endStatus()
                .build();
    }
}
