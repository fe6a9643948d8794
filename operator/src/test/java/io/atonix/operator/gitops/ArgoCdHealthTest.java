package io.atonix.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.gitops.LuaHealthCheck.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health check (helm/atonix-operator/files/argocd-health.lua) run as Argo CD runs it (gopher-lua, tools/argocd-lua) against
 * statuses the operator's own status builders produce ({@link StatusFixtures}): Ready, Progressing, Degraded, paused,
 * and a generation the operator has not observed yet. docs/gitops.md carries the same script, byte for byte.
 */
class ArgoCdHealthTest {
    private static final Path SCRIPT = StatusFixtures.ROOT.resolve("helm/atonix-operator/files/argocd-health.lua");
    private static LuaHealthCheck argo;

    @BeforeAll
    static void interpreter() {
        argo = new LuaHealthCheck(SCRIPT);
    }

    @Test
    void aResourceWithoutAStatusIsProgressing() throws Exception {
        assertThat(argo.of(StatusFixtures.postgresWithoutStatus()))
                .isEqualTo(new Health("Progressing", "Waiting for the operator to report a status"));
    }

    @Test
    void aReadyPostgresIsHealthy() throws Exception {
        assertThat(argo.of(StatusFixtures.readyPostgres()))
                .isEqualTo(new Health("Healthy", "PostgreSQL 16 is ready with 2 databases"));
    }

    @Test
    void aStartingPostgresIsProgressingWithTheOperatorsMessage() throws Exception {
        Postgres postgres = StatusFixtures.startingPostgres();
        String ready = Conditions.find(postgres.getStatus().conditions(), ConditionTypes.READY)
                .orElseThrow()
                .message();
        assertThat(argo.of(postgres)).isEqualTo(new Health("Progressing", ready));
    }

    @Test
    void aPostgresWhoseVolumeCannotGrowIsDegraded() throws Exception {
        Health health = argo.of(StatusFixtures.postgresWhoseVolumeCannotGrow());
        assertThat(health.status()).isEqualTo("Degraded");
        assertThat(health.message()).contains("does not allow volume expansion");
    }

    @Test
    void aChangeTheOperatorHasNotObservedYetIsProgressingEvenWhenTheOldStatusWasReady() throws Exception {
        assertThat(argo.of(StatusFixtures.postgresWithUnobservedChange()))
                .isEqualTo(new Health(
                        "Progressing", "Waiting for the operator to observe generation 3 (it reported generation 2)"));
    }

    @Test
    void aStackWhoseServicesAreAvailableIsHealthy() throws Exception {
        assertThat(argo.of(StatusFixtures.readyStack()))
                .isEqualTo(new Health("Healthy", "All 2 services are available"));
    }

    @Test
    void aStackRollingOutIsProgressing() throws Exception {
        assertThat(argo.of(StatusFixtures.stackRollingOut()))
                .isEqualTo(new Health("Progressing", "Waiting for web, api"));
    }

    @Test
    void aStackPastItsProgressDeadlineIsDegraded() throws Exception {
        Health health = argo.of(StatusFixtures.stackPastItsProgressDeadline());
        assertThat(health.status()).isEqualTo("Degraded");
        assertThat(health.message()).contains("api");
    }

    @Test
    void aStackWithAnInvalidSpecIsDegradedWithTheReason() throws Exception {
        assertThat(argo.of(StatusFixtures.stackWithAnInvalidSpec()))
                .isEqualTo(new Health("Degraded", "spec.services[0].port: must be between 1 and 65535"));
    }

    @Test
    void aPausedStackIsSuspendedAlsoWhileAChangeWaits() throws Exception {
        Health paused = argo.of(StatusFixtures.pausedReadyStack());
        assertThat(paused.status()).isEqualTo("Suspended");
        assertThat(paused.message()).contains("atonix.io/paused");
        assertThat(argo.of(StatusFixtures.pausedStackWithAChange())).isEqualTo(paused);
    }

    @Test
    void aRedisReadsTheSameConditions() throws Exception {
        assertThat(argo.of(StatusFixtures.readyRedis()).status()).isEqualTo("Healthy");
        assertThat(argo.of(StatusFixtures.startingRedis()))
                .isEqualTo(new Health("Progressing", "Waiting for the Redis server to be ready"));
        assertThat(argo.of(StatusFixtures.redisWithAnInvalidSpec()))
                .isEqualTo(new Health("Degraded", "spec.memory: too small"));
    }

    @Test
    void theGitOpsPageCarriesTheScriptForEachKind() throws IOException {
        String page = Files.readString(StatusFixtures.ROOT.resolve("docs/gitops.md"));
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
            assertThat(block.toString().strip())
                    .as("the script under %s in docs/gitops.md", kind)
                    .isEqualTo(script.strip());
        }
    }
}
