package io.atonix.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.gitops.Kstatus.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Flux makes of the statuses the operator writes: Flux's kustomize-controller waits for health with kstatus,
 * and here the real library (tools/kstatus, sigs.k8s.io/cli-utils) judges statuses made by the operator's own status
 * builders ({@link StatusFixtures}). Flux needs InProgress while work goes on, Failed as soon as a person must act
 * (so that it stops waiting), and Current only when the resource is ready.
 */
class FluxKstatusTest {
    private static Kstatus kstatus;

    @BeforeAll
    static void library() throws Exception {
        kstatus = Kstatus.locate();
    }

    @Test
    void readyResourcesAreCurrent() throws Exception {
        assertThat(kstatus.of(StatusFixtures.readyStack()).status()).isEqualTo("Current");
        assertThat(kstatus.of(StatusFixtures.readyPostgres()).status()).isEqualTo("Current");
        assertThat(kstatus.of(StatusFixtures.readyRedis()).status()).isEqualTo("Current");
    }

    @Test
    void workUnderWayIsInProgressWithTheOperatorsMessage() throws Exception {
        assertThat(kstatus.of(StatusFixtures.stackRollingOut()))
                .isEqualTo(new Result("InProgress", "Rolling out web, api"));
        assertThat(kstatus.of(StatusFixtures.startingPostgres()))
                .isEqualTo(new Result("InProgress", "Waiting for the PostgreSQL server to be ready"));
        assertThat(kstatus.of(StatusFixtures.startingRedis()))
                .isEqualTo(new Result("InProgress", "Waiting for the Redis server to be ready"));
    }

    @Test
    void aVolumeStillGrowingKeepsAReadyPostgresInProgress() throws Exception {
        assertThat(kstatus.of(StatusFixtures.postgresGrowingItsVolume()))
                .isEqualTo(new Result("InProgress", "Growing data-orders-0 to 10Gi"));
    }

    @Test
    void whatNeedsAPersonIsFailedSoFluxStopsWaiting() throws Exception {
        Result deadline = kstatus.of(StatusFixtures.stackPastItsProgressDeadline());
        assertThat(deadline.status()).isEqualTo("Failed");
        assertThat(deadline.message()).contains("api").contains("progress deadline");
        assertThat(kstatus.of(StatusFixtures.stackWithAnInvalidSpec()))
                .isEqualTo(new Result("Failed", "spec.services[0].port: must be between 1 and 65535"));
        assertThat(kstatus.of(StatusFixtures.postgresWhoseVolumeCannotGrow()).status())
                .isEqualTo("Failed");
        assertThat(kstatus.of(StatusFixtures.redisWithAnInvalidSpec()))
                .isEqualTo(new Result("Failed", "spec.memory: too small"));
    }

    @Test
    void aChangeTheOperatorHasNotObservedYetIsInProgress() throws Exception {
        assertThat(kstatus.of(StatusFixtures.postgresWithUnobservedChange()).status())
                .isEqualTo("InProgress");
    }

    @Test
    void aPausedStackIsCurrentUntilItsSpecChangesAndThenWaits() throws Exception {
        assertThat(kstatus.of(StatusFixtures.pausedReadyStack()).status()).isEqualTo("Current");
        assertThat(kstatus.of(StatusFixtures.pausedStackWithAChange()).status()).isEqualTo("InProgress");
    }

    @Test
    void aDeletedResourceIsTerminating() throws Exception {
        assertThat(kstatus.of(StatusFixtures.deletedPostgres()).status()).isEqualTo("Terminating");
    }

    /**
     * kstatus' own limit, documented in docs/gitops.md: a resource the operator has not yet given any status
     * reads as Current, so Flux's healthCheckExprs are needed to wait for the first status.
     */
    @Test
    void aResourceWithoutAnyStatusIsCurrentToKstatus() throws Exception {
        assertThat(kstatus.of(StatusFixtures.postgresWithoutStatus()).status()).isEqualTo("Current");
    }
}
