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

    /** An object kept for reopening, and whether its owner reference is the operator's to set. */
    public record Kept(HasMetadata object, boolean ownerReference) {}

    private Retention() {}

    /** Names of the objects adopted from an earlier resource of the same name, in the order given. */
    public static List<String> apply(Context<?> context, HasMetadata primary, DeletionPolicy policy, List<Kept> kept) {
        List<String> adopted = new ArrayList<>();
        for (Kept each : kept) {
            HasMetadata object = each.object();
            if (RetainedData.goingWithEarlier(object, primary)) {
                continue;
            }
            if (RetainedData.keptByEarlier(object, primary)) {
                adopted.add(object.getKind() + " " + object.getMetadata().getName());
            }
            if (!RetainedData.heldAsWanted(object, primary, policy, each.ownerReference())) {
                patch(
                        context,
                        object,
                        RetainedData.held(object.getMetadata(), primary, policy, each.ownerReference()),
                        each.ownerReference());
            }
        }
        return adopted;
    }

    /**
     * A JSON patch of the ownership alone, guarded by the cached resourceVersion ({@code test}): owner references and
     * annotations are replaced as a whole, so a change the cache has not seen yet makes it fail, and the reconcile is
     * retried.
     */
    private static void patch(Context<?> context, HasMetadata object, ObjectMeta held, boolean ownerReference) {
        List<Map<String, Object>> operations = new ArrayList<>();
        operations.add(Map.of(
                "op",
                "test",
                "path",
                "/metadata/resourceVersion",
                "value",
                object.getMetadata().getResourceVersion()));
        operations.add(JsonPatch.set(
                "/metadata/annotations",
                held.getAnnotations(),
                object.getMetadata().getAnnotations() != null));
        if (ownerReference) {
            operations.add(JsonPatch.set(
                    "/metadata/ownerReferences",
                    held.getOwnerReferences(),
                    object.getMetadata().getOwnerReferences() != null));
        }
        operations.removeIf(Map::isEmpty);
        context.getClient().resource(object).patch(PatchContext.of(PatchType.JSON), JsonPatch.json(operations));
    }
}
