package io.atonix.operator.appstack;

import java.util.Map;
import java.util.Optional;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;

/**
 * At most one object of a kind for the whole stack, recognised by its {@code app.kubernetes.io/name} label: created
 * while the spec asks for it, updated when it changes, deleted when the spec no longer asks for it.
 */
abstract class StackObjectDependent<R extends HasMetadata> extends StampedDependent<R, AppStack>
        implements BulkDependentResource<R, AppStack, String> {
    private final String name;

    /** @param name the object's {@code app.kubernetes.io/name} label, which tells it from the stack's other objects of the kind */
    StackObjectDependent(Class<R> type, String name) {
        super(type);
        this.name = name;
    }

    protected abstract Optional<R> desired(AppStack stack);

    @Override
    public Map<String, R> desiredResources(AppStack primary, Context<AppStack> context) {
        return desired(primary).map(object -> Map.of(name, object)).orElse(Map.of());
    }

    @Override
    public Map<String, R> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(context, resourceType(), Labels.STACK, primary.getMetadata().getName(),
                r -> name.equals(Secondaries.label(r, Labels.NAME)) ? name : null);
    }

    @Override
    public R create(R desired, AppStack primary, Context<AppStack> context) {
        R created = super.create(desired, primary, context);
        EventRecorder.record(context.getClient(), primary, EventRecorder.NORMAL, "Created",
                "Created " + desired.getKind() + " " + desired.getMetadata().getName());
        return created;
    }

    @Override
    public R update(R actual, R desired, AppStack primary, Context<AppStack> context) {
        R updated = super.update(actual, desired, primary, context);
        EventRecorder.record(context.getClient(), primary, EventRecorder.NORMAL, "Updated",
                "Updated " + desired.getKind() + " " + desired.getMetadata().getName());
        return updated;
    }

    @Override
    public void deleteTargetResource(AppStack primary, R resource, String key, Context<AppStack> context) {
        context.getClient().resource(resource).delete();
        EventRecorder.record(context.getClient(), primary, EventRecorder.NORMAL, "Deleted",
                "Deleted " + resource.getKind() + " " + resource.getMetadata().getName());
    }
}
