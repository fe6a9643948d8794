package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives the objects a resource keeps for reopening its data the ownership its deletion policy wants ({@link
 * RetainedData}), so that a change of policy takes effect on objects that exist, and adopts those an earlier resource
 * of the same name kept. Writes only what differs: a steady state makes no request.
 */
public final class Retention {

    /**
     * What a reconcile found: the objects the resource adopted (now or before), and whether a volume's reclaim policy
     * was just changed and should be looked at again soon ({@link VolumeReclaim}).
     */
    public record Outcome(List<String> reopened, boolean volumesSettling) {}

    /** An object kept for reopening, and whether its owner reference is the operator's to set. */
    public record Kept(HasMetadata object, boolean ownerReference) {}

    /** How soon a volume whose reclaim policy was just changed is read again. */
    public static final java.time.Duration SETTLING = java.time.Duration.ofSeconds(5);

    private Retention() {}

    /**
     * Names of the objects this resource adopted from an earlier resource of the same name, now or before (they carry
     * {@link RetainedData#REOPENED_BY_UID}), in the order given; an Event names those adopted now.
     */
    public static List<String> apply(Context<?> context, HasMetadata primary, DeletionPolicy policy, List<Kept> kept) {
        List<String> reopened = new ArrayList<>();
        List<String> adoptedNow = new ArrayList<>();
        for (Kept each : kept) {
            HasMetadata object = each.object();
            if (RetainedData.goingWithEarlier(object, primary)) {
                continue;
            }
            String name = object.getKind() + " " + object.getMetadata().getName();
            ObjectMeta wanted = RetainedData.held(object.getMetadata(), primary, policy, each.ownerReference());
            boolean adopting = RetainedData.keptByEarlier(object, primary);
            if (adopting) {
                wanted.getAnnotations()
                        .put(RetainedData.REOPENED_BY_UID, primary.getMetadata().getUid());
                adoptedNow.add(name);
            }
            if (adopting || RetainedData.reopenedBy(object, primary)) {
                reopened.add(name);
            }
            if (adopting || !RetainedData.heldAsWanted(object, primary, policy, each.ownerReference())) {
                patch(context, object, wanted, each.ownerReference());
            }
        }
        ReopenedData.record(context.getClient(), primary, adoptedNow);
        return reopened;
    }

    /**
     * A JSON patch of the ownership alone. Owner references are replaced as a whole, guarded by the cached
     * resourceVersion ({@code test}): a change the cache has not seen yet makes it fail, and the reconcile is retried. A
     * StatefulSet's claim, whose owner references are its controller's, gets its annotations key by key, unguarded:
     * the StatefulSet and volume controllers change such a claim while it is new, and would make the guard fail.
     */
    private static void patch(Context<?> context, HasMetadata object, ObjectMeta held, boolean ownerReference) {
        List<Map<String, Object>> operations = new ArrayList<>();
        Map<String, String> actual = object.getMetadata().getAnnotations();
        if (ownerReference) {
            operations.add(Map.of(
                    "op",
                    "test",
                    "path",
                    "/metadata/resourceVersion",
                    "value",
                    object.getMetadata().getResourceVersion()));
            operations.add(JsonPatch.set("/metadata/annotations", held.getAnnotations(), present(actual)));
            operations.add(JsonPatch.set(
                    "/metadata/ownerReferences",
                    held.getOwnerReferences(),
                    present(object.getMetadata().getOwnerReferences())));
        } else if (!present(actual)) {
            operations.add(JsonPatch.set("/metadata/annotations", held.getAnnotations(), false));
        } else {
            for (String key :
                    List.of(RetainedData.RETAINED_BY, RetainedData.RETAINED_BY_UID, RetainedData.REOPENED_BY_UID)) {
                operations.add(
                        JsonPatch.annotation(actual, key, held.getAnnotations().get(key)));
            }
        }
        context.getClient().resource(object).patch(PatchContext.of(PatchType.JSON), JsonPatch.json(operations));
    }

    /** fabric8's model gives an absent list or map as an empty one; removing an absent field fails the patch. */
    private static boolean present(Object field) {
        return field instanceof java.util.Collection<?> list
                ? !list.isEmpty()
                : field instanceof Map<?, ?> map && !map.isEmpty();
    }
}
