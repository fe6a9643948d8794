package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DeploymentUpdatesTest {
    private static final ServiceSpec API = TestStacks.withReplicas(TestStacks.service("api", "shop-api:2", 5000), 2);
    private static final AppStack STACK = TestStacks.stack("shop", "shop", API);
    private static final DeploymentUpdates FILTER = new DeploymentUpdates();

    /** Half-way through a rollout, as the Deployment controller reports it. */
    private static Deployment rollingOut() {
        return new DeploymentBuilder(Deployments.desired(STACK, API, names -> Optional.empty()))
                .editMetadata()
                .withGeneration(2L)
                .withResourceVersion("100")
                .endMetadata()
                .withStatus(new DeploymentStatusBuilder()
                        .withObservedGeneration(2L)
                        .withReplicas(3)
                        .withUpdatedReplicas(1)
                        .withReadyReplicas(2)
                        .withAvailableReplicas(2)
                        .withUnavailableReplicas(1)
                        .addNewCondition()
                        .withType("Available")
                        .withStatus("True")
                        .withReason("MinimumReplicasAvailable")
                        .withLastUpdateTime("2026-12-03T10:00:00Z")
                        .endCondition()
                        .addNewCondition()
                        .withType("Progressing")
                        .withStatus("True")
                        .withReason("ReplicaSetUpdated")
                        .withMessage("ReplicaSet \"api-1\" is progressing.")
                        .withLastUpdateTime("2026-12-03T10:00:00Z")
                        .endCondition()
                        .build())
                .build();
    }

    private static Deployment moved(UnaryOperator<DeploymentBuilder> move) {
        return move.apply(new DeploymentBuilder(rollingOut())
                        .editMetadata()
                        .withResourceVersion("101")
                        .endMetadata())
                .build();
    }

    private static final List<Deployment> MOVES_NOTHING_READS = List.of(
            moved(d -> d.editStatus().withUnavailableReplicas(0).endStatus()),
            moved(d -> d.editStatus()
                    .editLastCondition()
                    .withLastUpdateTime("2026-12-03T10:00:05Z")
                    .withMessage("ReplicaSet \"api-1\" has 1 new pod.")
                    .endCondition()
                    .endStatus()),
            moved(d -> d.editStatus()
                    .editFirstCondition()
                    .withStatus("False")
                    .withReason("MinimumReplicasUnavailable")
                    .endCondition()
                    .endStatus()),
            moved(d -> d.editStatus()
                    .withCollisionCount(1)
                    .withTerminatingReplicas(1)
                    .endStatus()),
            moved(d -> d));

    @Test
    void aStatusMoveOfTimesMessagesAndCountsTheStackDoesNotReadIsHeldBack() {
        for (Deployment update : MOVES_NOTHING_READS) {
            assertThat(FILTER.accept(update, rollingOut()))
                    .as(update.getStatus().toString())
                    .isFalse();
        }
    }

    @Test
    void anUpdateHeldBackChangesNothingOfItsServicesStatusOrRollout() {
        Deployment before = rollingOut();
        for (Deployment update : MOVES_NOTHING_READS) {
            assertThat(AppStackStatusBuilder.serviceStatus(STACK, API, update))
                    .isEqualTo(AppStackStatusBuilder.serviceStatus(STACK, API, before));
            assertThat(AppStackStatusBuilder.rolledOut(update)).isEqualTo(AppStackStatusBuilder.rolledOut(before));
        }
    }

    @Test
    void aMoveOfAnyCountTheObservedGenerationOrTheProgressingConditionWakesTheStack() {
        List<Deployment> moves = List.of(
                moved(d -> d.editStatus().withReadyReplicas(3).endStatus()),
                moved(d -> d.editStatus().withUpdatedReplicas(2).endStatus()),
                moved(d -> d.editStatus().withAvailableReplicas(3).endStatus()),
                moved(d -> d.editStatus().withReplicas(2).endStatus()),
                moved(d -> d.editStatus().withObservedGeneration(3L).endStatus()),
                moved(d -> d.editStatus()
                        .editLastCondition()
                        .withStatus("False")
                        .withReason("ProgressDeadlineExceeded")
                        .endCondition()
                        .endStatus()),
                moved(d -> d.withStatus(null)));
        for (Deployment update : moves) {
            assertThat(FILTER.accept(update, rollingOut()))
                    .as(String.valueOf(update.getStatus()))
                    .isTrue();
        }
    }

    @Test
    void aChangeOfSpecOrMetadataTheOperatorOwnsWakesTheStack() {
        assertThat(FILTER.accept(moved(d -> d.editSpec().withReplicas(5).endSpec()), rollingOut()))
                .isTrue();
        assertThat(FILTER.accept(
                        moved(d -> d.editMetadata()
                                .addToAnnotations("edited", "by hand")
                                .endMetadata()),
                        rollingOut()))
                .isTrue();
        assertThat(FILTER.accept(
                        moved(d -> d.editMetadata().addToLabels("team", "other").endMetadata()), rollingOut()))
                .isTrue();
        assertThat(FILTER.accept(
                        moved(d -> d.editMetadata()
                                .withDeletionTimestamp("2026-12-03T10:01:00Z")
                                .endMetadata()),
                        rollingOut()))
                .isTrue();
        assertThat(FILTER.accept(moved(d -> d.editMetadata().withGeneration(3L).endMetadata()), rollingOut()))
                .isTrue();
    }
}
