package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Asks each data claim smaller than the spec for the spec's size, noting when on the claim
 * ({@link PostgresVolumes#EXPANSION_REQUESTED_AT}), and reports the claims still growing and those growing for longer
 * than the bound. The claims come from the claim informer.
 */
final class VolumeGrowth {

    private VolumeGrowth() {}

    static PostgresStatusBuilder.Volumes grow(
            Postgres postgres, Context<Postgres> context, Duration bound, Instant now) {
        List<PersistentVolumeClaim> claims = context.getSecondaryResourcesAsStream(PersistentVolumeClaim.class)
                .toList();
        String failure = null;
        for (PersistentVolumeClaim claim : PostgresVolumes.toGrow(postgres, claims)) {
            String name = claim.getMetadata().getName();
            try {
                context.getClient()
                        .persistentVolumeClaims()
                        .inNamespace(postgres.getMetadata().getNamespace())
                        .withName(name)
                        .edit(current -> new PersistentVolumeClaimBuilder(current)
                                .editMetadata()
                                .addToAnnotations(PostgresVolumes.EXPANSION_REQUESTED_AT, WaitStart.stamp(now))
                                .endMetadata()
                                .editSpec()
                                .editResources()
                                .addToRequests(
                                        "storage",
                                        claim.getSpec()
                                                .getResources()
                                                .getRequests()
                                                .get("storage"))
                                .endResources()
                                .endSpec()
                                .build());
                EventRecorder.record(
                        context.getClient(),
                        postgres,
                        EventRecorder.NORMAL,
                        PostgresStatusBuilder.REASON_EXPANDING_VOLUME,
                        "Asked volume claim " + name + " for "
                                + postgres.getSpec().storage().size());
            } catch (KubernetesClientException e) {
                // Most often a storage class without allowVolumeExpansion; the server's message says which.
                failure = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage()
                        : e.getMessage();
                EventRecorder.record(
                        context.getClient(),
                        postgres,
                        EventRecorder.WARNING,
                        PostgresStatusBuilder.REASON_VOLUME_EXPANSION_FAILED,
                        "Volume claim " + name + " could not grow: " + failure);
            }
        }
        for (PersistentVolumeClaim claim : PostgresVolumes.growingUnnoted(postgres, claims)) {
            // Asked to grow by an earlier release or a person: the wait is measured from now on.
            context.getClient()
                    .persistentVolumeClaims()
                    .inNamespace(postgres.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName())
                    .edit(current -> new PersistentVolumeClaimBuilder(current)
                            .editMetadata()
                            .addToAnnotations(PostgresVolumes.EXPANSION_REQUESTED_AT, WaitStart.stamp(now))
                            .endMetadata()
                            .build());
        }
        return new PostgresStatusBuilder.Volumes(
                PostgresVolumes.growing(postgres, claims),
                failure,
                PostgresVolumes.overdue(postgres, claims, bound, now));
    }
}
