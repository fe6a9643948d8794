package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who holds what a Postgres or Redis needs to open its data again (credential Secrets, volume claims), as pure rules.
 * Under {@code Delete} the resource owns them, so the garbage collector takes them along. Under {@code Retain} nothing
 * owns them at any time (so neither a deletion nor an operator that is down when it happens can lose them); two
 * annotations name the resource that keeps them instead, and a new resource of the same name and kind finds them by
 * its label and adopts them: it writes its own uid there (or its owner reference, under Delete).
 */
public final class RetainedData {
    /** The kind and name of the resource that keeps the object under Retain: {@code Postgres/shop}. */
    public static final String RETAINED_BY = "atonix.io/retained-by";
    /** The uid of that resource; another uid means an earlier resource of the same name kept it. */
    public static final String RETAINED_BY_UID = "atonix.io/retained-by-uid";
    /**
     * The uid of the resource that adopted the object from an earlier one: what it reports as reused data for the rest
     * of its life ({@link ReopenedData}), whatever happens to its status.
     */
    public static final String REOPENED_BY_UID = "atonix.io/reopened-by-uid";

    private RetainedData() {}

    public static boolean retains(DeletionPolicy policy) {
        return policy != DeletionPolicy.Delete;
    }

    /**
     * The metadata of a kept object as the policy wants it: under Delete the owner reference to the primary and no
     * retention annotations; under Retain no owner reference to a resource of the primary's kind and name, and the
     * annotations. {@code ownerReference} false leaves owner references alone (a StatefulSet's claims: the StatefulSet
     * controller sets them from its persistentVolumeClaimRetentionPolicy).
     */
    public static ObjectMeta held(
            ObjectMeta metadata, HasMetadata primary, DeletionPolicy policy, boolean ownerReference) {
        ObjectMeta held = new ObjectMetaBuilder(metadata).build();
        Map<String, String> annotations =
                new LinkedHashMap<>(held.getAnnotations() == null ? Map.of() : held.getAnnotations());
        if (retains(policy)) {
            annotations.put(
                    RETAINED_BY, primary.getKind() + "/" + primary.getMetadata().getName());
            if (primary.getMetadata().getUid() != null) { // none in render, which runs without a cluster
                annotations.put(RETAINED_BY_UID, primary.getMetadata().getUid());
            }
        } else {
            annotations.remove(RETAINED_BY);
            annotations.remove(RETAINED_BY_UID);
        }
        held.setAnnotations(annotations); // never null: java-operator-sdk's update merges them into the stored object
        if (ownerReference) {
            List<OwnerReference> owners = new ArrayList<>();
            if (held.getOwnerReferences() != null) {
                held.getOwnerReferences().stream()
                        .filter(o -> !sameKindAndName(o, primary))
                        .forEach(owners::add);
            }
            if (!retains(policy)) {
                owners.add(Owners.controller(primary));
            }
            held.setOwnerReferences(owners.isEmpty() ? null : owners);
        }
        return held;
    }

    /** Whether the object's ownership (owner references and retention annotations) already is what the policy wants. */
    public static boolean heldAsWanted(
            HasMetadata object, HasMetadata primary, DeletionPolicy policy, boolean ownerReference) {
        ObjectMeta wanted = held(object.getMetadata(), primary, policy, ownerReference);
        return Objects.equals(
                        nonEmpty(wanted.getAnnotations()),
                        nonEmpty(object.getMetadata().getAnnotations()))
                && Objects.equals(
                        nonEmpty(wanted.getOwnerReferences()),
                        nonEmpty(object.getMetadata().getOwnerReferences()));
    }

    /**
     * Whether an earlier resource of the primary's name and kind kept the object for it: the annotations name another
     * uid, or (an object kept before the annotations existed) nothing owns it and it is older than the primary.
     */
    public static boolean keptByEarlier(HasMetadata object, HasMetadata primary) {
        if (ownerOfKindAndName(object, primary) != null) {
            return false;
        }
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String uid = annotations == null ? null : annotations.get(RETAINED_BY_UID);
        if (uid != null) {
            return !uid.equals(primary.getMetadata().getUid());
        }
        return created(object) != null
                && created(primary) != null
                && created(object).isBefore(created(primary));
    }

    /** Whether the primary adopted the object from an earlier resource of its name. */
    public static boolean reopenedBy(HasMetadata object, HasMetadata primary) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null
                && primary.getMetadata().getUid() != null
                && primary.getMetadata().getUid().equals(annotations.get(REOPENED_BY_UID));
    }

    /**
     * Whether the object still belongs to an earlier resource of the primary's name that was deleted under Delete: the
     * garbage collector is about to remove it, and adopting it would take from that deletion what it asked for.
     */
    public static boolean goingWithEarlier(HasMetadata object, HasMetadata primary) {
        OwnerReference owner = ownerOfKindAndName(object, primary);
        return object.getMetadata().getDeletionTimestamp() != null
                || (owner != null
                        && !Objects.equals(owner.getUid(), primary.getMetadata().getUid()));
    }

    private static OwnerReference ownerOfKindAndName(HasMetadata object, HasMetadata primary) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        return owners == null
                ? null
                : owners.stream()
                        .filter(o -> sameKindAndName(o, primary))
                        .findFirst()
                        .orElse(null);
    }

    private static boolean sameKindAndName(OwnerReference owner, HasMetadata primary) {
        return Objects.equals(owner.getKind(), primary.getKind())
                && Objects.equals(owner.getName(), primary.getMetadata().getName());
    }

    private static Instant created(HasMetadata object) {
        String timestamp = object.getMetadata().getCreationTimestamp();
        return timestamp == null ? null : Instant.parse(timestamp);
    }

    private static <T> T nonEmpty(T value) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return null;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value;
    }
}
