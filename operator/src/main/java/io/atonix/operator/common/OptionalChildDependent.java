package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import java.util.Map;
import java.util.Optional;

/**
 * A child that exists while the primary's spec asks for it, and at most one: none, or one under a fixed key. It is
 * created when the spec starts asking, updated when it changes, deleted when the spec stops asking. A bulk dependent
 * (with nothing or one object) rather than a reconcile precondition, so that the deletion is the dependent's own and
 * the child is found by the primary's label.
 */
public abstract class OptionalChildDependent<R extends HasMetadata, P extends HasMetadata>
        extends StampedDependent<R, P> implements BulkDependentResource<R, P, String> {
    private final String key;
    private final String ownerLabel;

    /**
     * @param key the child's key among the primary's children of its kind
     * @param ownerLabel the label whose value names the primary on each of its children
     */
    protected OptionalChildDependent(Class<R> type, String key, String ownerLabel) {
        super(type);
        this.key = key;
        this.ownerLabel = ownerLabel;
    }

    /** The child the primary's spec asks for, or none. A pure builder call. */
    protected abstract Optional<R> desiredChild(P primary);

    @Override
    public Map<String, R> desiredResources(P primary, Context<P> context) {
        return desiredChild(primary).map(child -> Map.of(key, child)).orElse(Map.of());
    }

    @Override
    public Map<String, R> getSecondaryResources(P primary, Context<P> context) {
        return Secondaries.labelled(
                context, resourceType(), ownerLabel, primary.getMetadata().getName(), child -> key);
    }

    @Override
    public void deleteTargetResource(P primary, R resource, String key, Context<P> context) {
        context.getClient().resource(resource).delete();
    }
}
