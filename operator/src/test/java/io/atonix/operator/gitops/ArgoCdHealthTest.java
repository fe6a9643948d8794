package io.atonix.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.common.Binding;
import io.atonix.api.v1alpha1.common.ConditionTypes;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.api.v1alpha1.redis.RedisStatus;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.gitops.LuaHealthCheck.Health;
import io.atonix.operator.postgres.PostgresStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Argo CD health check (helm/atonix-operator/files/argocd-health.lua) run by a real Lua interpreter against
 * statuses the operator's own status builders produce: Ready, Progressing, Degraded, and a generation the operator
 * has not observed yet. docs/gitops.md carries the same script, byte for byte.
 */
class ArgoCdHealthTest {
    private static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."));
    private static final Path SCRIPT = ROOT.resolve("helm/atonix-operator/files/argocd-health.lua");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static LuaHealthCheck argo;

    @BeforeAll
    static void interpreter() throws Exception {
        Process version = new ProcessBuilder(LuaHealthCheck.LUA, "-v").redirectErrorStream(true).start();
        assertThat(version.waitFor()).as("%s must be installed (apt-get install lua5.4; .ci/run does it)", LuaHealthCheck.LUA).isZero();
        argo = new LuaHealthCheck(SCRIPT);
    }

    @Test
    void aResourceWithoutAStatusIsProgressing() throws Exception {
        Postgres postgres = postgres(1);
        assertThat(argo.of(postgres)).isEqualTo(new Health("Progressing", "Waiting for the operator to report a status"));
    }

    @Test
    void aReadyPostgresIsHealthy() throws Exception {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyStatefulSet(), "", List.of(), PostgresStatusBuilder.Volumes.STEADY, NOW));
        assertThat(argo.of(postgres)).isEqualTo(new Health("Healthy", "PostgreSQL 16 is ready with 2 databases"));
    }

    @Test
    void aStartingPostgresIsProgressingWithTheOperatorsMessage() throws Exception {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, null, null, List.of(), PostgresStatusBuilder.Volumes.STEADY, NOW));
        String ready = Conditions.find(postgres.getStatus().conditions(), ConditionTypes.READY).orElseThrow().message();
        assertThat(argo.of(postgres)).isEqualTo(new Health("Progressing", ready));
    }

    @Test
    void aPostgresWithRefusedParametersIsDegraded() throws Exception {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyStatefulSet(), "", List.of("port is set by the operator"), PostgresStatusBuilder.Volumes.STEADY, NOW));
        Health health = argo.of(postgres);
        assertThat(health.status()).isEqualTo("Degraded");
        assertThat(health.message()).contains("port is set by the operator");
    }

    @Test
    void aChangeTheOperatorHasNotObservedYetIsProgressingEvenWhenTheOldStatusWasReady() throws Exception {
        Postgres postgres = postgres(2);
        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyStatefulSet(), "", List.of(), PostgresStatusBuilder.Volumes.STEADY, NOW));
        postgres.getMetadata().setGeneration(3L);
        assertThat(argo.of(postgres)).isEqualTo(
                new Health("Progressing", "Waiting for the operator to observe generation 3 (it reported generation 2)"));
    }

    @Test
    void aStackWhoseServicesAreAvailableIsHealthy() throws Exception {
        AppStack stack = stack(4);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (var service : stack.getSpec().services()) {
            deployments.put(service.name(), deployment(service.name(), null));
        }
        stack.setStatus(AppStackStatusBuilder.observed(stack, deployments, null, null, null, NOW));
        assertThat(argo.of(stack)).isEqualTo(new Health("Healthy", "All 2 services are available"));
    }

    @Test
    void aStackRollingOutIsProgressing() throws Exception {
        AppStack stack = stack(4);
        stack.setStatus(AppStackStatusBuilder.observed(stack, Map.of(), null, null, null, NOW));
        assertThat(argo.of(stack)).isEqualTo(new Health("Progressing", "Waiting for web, api"));
    }

    @Test
    void aStackPastItsProgressDeadlineIsDegraded() throws Exception {
        AppStack stack = stack(4);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        deployments.put("web", deployment("web", null));
        deployments.put("api", deployment("api", AppStackStatusBuilder.REASON_DEADLINE));
        stack.setStatus(AppStackStatusBuilder.observed(stack, deployments, null, null, null, NOW));
        Health health = argo.of(stack);
        assertThat(health.status()).isEqualTo("Degraded");
        assertThat(health.message()).contains("api");
    }

    @Test
    void aStackWithAnInvalidSpecIsDegradedWithTheReason() throws Exception {
        AppStack stack = stack(4);
        stack.setStatus(AppStackStatusBuilder.failed(stack, AppStackStatusBuilder.REASON_INVALID_SPEC,
                "spec.services[0].port: must be between 1 and 65535", NOW));
        assertThat(argo.of(stack)).isEqualTo(new Health("Degraded", "spec.services[0].port: must be between 1 and 65535"));
    }

    @Test
    void aRedisReadsTheSameConditions() throws Exception {
        Redis redis = new Redis();
        redis.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("cache").withNamespace("shop").withGeneration(5L).build());
        redis.setStatus(new RedisStatus(5L, List.of(
                Conditions.of(ConditionTypes.READY, true, "Ready", "Redis 7.2 is ready", 5L),
                Conditions.of(ConditionTypes.PROGRESSING, false, "Ready", "", 5L),
                Conditions.of(ConditionTypes.DEGRADED, false, "Ready", "", 5L)), "7.2", new Binding("cache-credentials")));
        assertThat(argo.of(redis)).isEqualTo(new Health("Healthy", "Redis 7.2 is ready"));
        redis.setStatus(new RedisStatus(5L, Conditions.refused("InvalidSpec", "spec.memory: too small", 5L), null, null));
        assertThat(argo.of(redis)).isEqualTo(new Health("Degraded", "spec.memory: too small"));
    }

    @Test
    void theGitOpsPageCarriesTheScriptForEachKind() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/gitops.md"));
        String script = Files.readString(SCRIPT);
        for (String kind : List.of("AppStack", "Postgres", "Redis")) {
            String key = "resource.customizations.health.atonix.io_" + kind + ": |\n";
            int start = page.indexOf(key);
            assertThat(start).as("docs/gitops.md has %s", key.trim()).isNotNegative();
            StringBuilder block = new StringBuilder();
            for (String line : page.substring(start + key.length()).split("\n", -1)) {
                if (!line.isEmpty() && !line.startsWith("    ")) {
                    break;
                }
                block.append(line.isEmpty() ? "" : line.substring(4)).append('\n');
            }
            assertThat(block.toString().strip()).as("the script under %s in docs/gitops.md", kind).isEqualTo(script.strip());
        }
    }

    private static Postgres postgres(long generation) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("samples/postgres.yaml"))) {
            Postgres postgres = SERIALIZATION.unmarshal(in, Postgres.class);
            postgres.getMetadata().setGeneration(generation);
            return postgres;
        }
    }

    private static AppStack stack(long generation) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("samples/appstack-web.yaml"))) {
            AppStack stack = SERIALIZATION.unmarshal(in, AppStack.class);
            stack.getMetadata().setGeneration(generation);
            return stack;
        }
    }

    private static StatefulSet readyStatefulSet() {
        return new StatefulSetBuilder().withNewMetadata().withName("orders").withGeneration(1L).endMetadata()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withReadyReplicas(1).withCurrentReplicas(1)
                .withUpdatedReplicas(1).withCurrentRevision("r1").withUpdateRevision("r1").endStatus().build();
    }

    /** A Deployment whose two pods run the current template; with a reason, its Progressing condition says so. */
    private static Deployment deployment(String name, String progressingFalseReason) {
        DeploymentBuilder builder = new DeploymentBuilder().withNewMetadata().withName(name).withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(2).endSpec();
        if (progressingFalseReason == null) {
            return builder.withNewStatus().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2)
                    .withAvailableReplicas(2).endStatus().build();
        }
        return builder.withNewStatus().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(1).withReadyReplicas(1)
                .withAvailableReplicas(1).addNewCondition().withType("Progressing").withStatus("False").withReason(progressingFalseReason)
                .withMessage("ReplicaSet has timed out progressing.").endCondition().endStatus().build();
    }
}
