package io.atonix.operator.common;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;

/** Writes a primary resource's status, only when it differs from the stored one. */
public final class StatusWriter {

    private StatusWriter() {}

    /**
     * When the stored resource turns out to be newer than the one reconciled (its spec, deletion or annotations changed
     * meanwhile), asks for an immediate reconcile: the operator's own status write hides that change's event.
     */
    public static <T, P extends CustomResource<?, T>> UpdateControl<P> write(P primary, T status, Context<P> context) {
        if (status.equals(primary.getStatus())) {
            return UpdateControl.noUpdate();
        }
        P updated = context.getClient().getKubernetesSerialization().clone(primary);
        updated.setStatus(status);
        P stored;
        try {
            stored = context.resourceOperations().updatePrimaryStatus(updated);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // The resource changed since this reconcile read it (a new spec, most often): its status is computed
            // afresh from the stored one right away, rather than after the error back-off of a failed reconcile.
            return UpdateControl.<P>noUpdate().rescheduleAfter(Duration.ZERO);
        }
        return stored != null && changedMeanwhile(primary, stored)
                ? UpdateControl.<P>noUpdate().rescheduleAfter(Duration.ZERO)
                : UpdateControl.noUpdate();
    }

    /**
     * What a reconcile acts on changed between its read and its status write: the spec (generation), a deletion, or
     * the annotations (a pause). A server that checks the resourceVersion of a status write answers 409 instead; one
     * that does not (the fabric8 mock server) stores the status on the newer resource, whose event the write hides.
     */
    private static boolean changedMeanwhile(CustomResource<?, ?> read, CustomResource<?, ?> stored) {
        return !Objects.equals(
                        stored.getMetadata().getGeneration(), read.getMetadata().getGeneration())
                || !Objects.equals(
                        stored.getMetadata().getDeletionTimestamp(),
                        read.getMetadata().getDeletionTimestamp())
                || !Objects.equals(
                        stored.getMetadata().getAnnotations(),
                        read.getMetadata().getAnnotations());
    }
}
