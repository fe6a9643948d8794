package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Under Retain, the PersistentVolumes bound to the kept claims get reclaim policy Retain, so that the data stays on disk
 * even when the claims go (a deleted namespace); the policy they had is noted on the volume and given back under
 * Delete. The claim notes which volume was done, so a steady state makes no request, not even a read.
 *
 * <p>A provisioner may still write the volume's spec while it binds, from the claim it saw before (kwok's stage writes
 * the whole volume again for a claim event it had queued): the claim is marked done only once the volume still holds
 * Retain {@link Retention#SETTLING} after the operator set it, and a volume found back at another policy is set again.
 * Within that time a volume this process set is not read again ({@link SettlingVolumes}).
 */
public final class VolumeReclaim {
    /** On a claim: the volume whose reclaim policy the operator set to Retain. */
    public static final String RETAINED_VOLUME = "atonix.io/retained-volume";
    /** On a volume: its reclaim policy before the operator set Retain, given back under Delete. */
    public static final String POLICY_BEFORE = "atonix.io/reclaim-policy-before-retain";
    /** On a volume: when the operator set Retain; the claim is marked done only a settling time later. */
    public static final String RETAINED_AT = "atonix.io/reclaim-policy-retained-at";

    static final String RETAIN = "Retain";

    private VolumeReclaim() {}

    /**
     * Sets what the policy wants on each Bound claim's volume; the claim is marked done only once a read found the
     * volume as wanted, since a provisioner may still write the volume's spec while it binds (kwok's stage does).
     *
     * @return whether a volume was changed now and should be read again soon to mark its claim
     */
    public static boolean apply(
            KubernetesClient client,
            HasMetadata primary,
            DeletionPolicy policy,
            Collection<PersistentVolumeClaim> claims,
            SettlingVolumes recent) {
        if (WatchScope.confined()) {
            // A chart confined to some namespaces grants nothing cluster-wide: the volumes keep their class' policy.
            return false;
        }
        boolean settling = false;
        for (PersistentVolumeClaim claim : claims) {
            String volume = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
            String done = claim.getMetadata().getAnnotations() == null
                    ? null
                    : claim.getMetadata().getAnnotations().get(RETAINED_VOLUME);
            boolean retain = RetainedData.retains(policy);
            boolean bound = claim.getStatus() != null
                    && "Bound".equals(claim.getStatus().getPhase());
            Instant now = Instant.now();
            if (!bound || volume == null || volume.isEmpty() || (retain ? volume.equals(done) : done == null)) {
                continue;
            }
            if (retain && recent.settling(volume, now)) {
                settling = true;
                continue;
            }
            try {
                PersistentVolume pv =
                        client.persistentVolumes().withName(volume).get();
                if (pv != null && setPolicy(client, pv, retain, now)) {
                    if (retain) {
                        recent.retained(volume, now);
                    }
                    settling = true;
                    continue;
                }
                if (pv != null && retain && settling(pv, now)) {
                    settling = true;
                    continue;
                }
                client.resource(claim)
                        .patch(
                                PatchContext.of(PatchType.JSON),
                                JsonPatch.json(List.of(JsonPatch.annotation(
                                        claim.getMetadata().getAnnotations(),
                                        RETAINED_VOLUME,
                                        retain ? volume : null))));
            } catch (KubernetesClientException e) {
                // Most often a chart confined to some namespaces, which grants nothing cluster-wide (docs/postgres.md).
                EventRecorder.record(
                        client,
                        primary,
                        EventRecorder.WARNING,
                        "VolumeReclaimPolicyNotSet",
                        "Could not set the reclaim policy of PersistentVolume " + volume + " (claim "
                                + claim.getMetadata().getName() + "): "
                                + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
            }
        }
        return settling;
    }

    /** Whether the operator set Retain on the volume less than the settling time ago. */
    private static boolean settling(PersistentVolume pv, Instant now) {
        return WaitStart.of(pv, RETAINED_AT)
                .map(since -> !WaitStart.over(since, Retention.SETTLING, now))
                .orElse(false);
    }

    /** Whether it changed the volume. */
    private static boolean setPolicy(KubernetesClient client, PersistentVolume pv, boolean retain, Instant now) {
        String current = pv.getSpec().getPersistentVolumeReclaimPolicy();
        Map<String, String> annotations = pv.getMetadata().getAnnotations();
        String before = annotations == null ? null : annotations.get(POLICY_BEFORE);
        String wanted;
        List<Map<String, Object>> notes;
        if (retain) {
            if (RETAIN.equals(current)) {
                return false;
            }
            Map<String, String> added = new LinkedHashMap<>();
            // Set again after a provisioner wrote the volume back: the policy before is still the one noted first.
            added.put(POLICY_BEFORE, before != null ? before : current);
            added.put(RETAINED_AT, WaitStart.stamp(now));
            notes = annotations == null || annotations.isEmpty()
                    ? List.of(Map.of("op", "add", "path", "/metadata/annotations", "value", added))
                    : added.entrySet().stream()
                            .map(a -> JsonPatch.annotation(annotations, a.getKey(), a.getValue()))
                            .toList();
            wanted = RETAIN;
        } else {
            if (before == null) {
                return false;
            }
            notes = List.of(
                    JsonPatch.annotation(annotations, POLICY_BEFORE, null),
                    JsonPatch.annotation(annotations, RETAINED_AT, null));
            wanted = before;
        }
        // Patched through the volume just read: fabric8 reads a resource named without its body again before a patch.
        client.resource(pv)
                .patch(
                        PatchContext.of(PatchType.JSON),
                        JsonPatch.json(Stream.concat(
                                        notes.stream(),
                                        Stream.of(Map.<String, Object>of(
                                                "op",
                                                "replace",
                                                "path",
                                                "/spec/persistentVolumeReclaimPolicy",
                                                "value",
                                                wanted)))
                                .toList()));
        return true;
    }
}
