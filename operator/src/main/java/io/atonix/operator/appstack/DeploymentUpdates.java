package io.atonix.operator.appstack;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lets a Deployment's update wake its stack only when something the stack reads of it changed: its spec or metadata
 * (drift, a rollout the operator started), or what its service's status is made of
 * ({@link AppStackStatusBuilder#serviceStatus}, {@link AppStackStatusBuilder#rolledOut}): the counts, the observed
 * generation and the Progressing condition. A rollout moves a Deployment's status several times per pod, with times
 * and counts nothing reads, and every move reconciled the whole stack (docs/performance.md, change latency).
 */
public final class DeploymentUpdates implements OnUpdateFilter<Deployment> {

    @Override
    public boolean accept(Deployment updated, Deployment old) {
        return !Objects.equals(updated.getSpec(), old.getSpec())
                || !Objects.equals(metadataRead(updated.getMetadata()), metadataRead(old.getMetadata()))
                || !Objects.equals(statusRead(updated.getStatus()), statusRead(old.getStatus()));
    }

    private static List<Object> metadataRead(ObjectMeta meta) {
        return Arrays.asList(
                meta.getGeneration(),
                meta.getLabels(),
                meta.getAnnotations(),
                meta.getOwnerReferences(),
                meta.getDeletionTimestamp(),
                meta.getFinalizers());
    }

    private static List<Object> statusRead(DeploymentStatus status) {
        if (status == null) {
            return List.of();
        }
        DeploymentCondition progressing = status.getConditions() == null
                ? null
                : status.getConditions().stream()
                        .filter(c -> "Progressing".equals(c.getType()))
                        .findFirst()
                        .orElse(null);
        return Arrays.asList(
                status.getObservedGeneration(),
                status.getReplicas(),
                status.getReadyReplicas(),
                status.getUpdatedReplicas(),
                status.getAvailableReplicas(),
                progressing == null ? null : progressing.getStatus(),
                progressing == null ? null : progressing.getReason());
    }
}
