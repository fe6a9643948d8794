package io.atonix.operator.appstack;

import java.util.Map;
import java.util.Optional;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;

/**
 * One object of a kind per service of a stack, keyed by service name: created when a service needs it, updated when
 * the desired object changes, deleted when the service (or the feature that needs it) goes away.
 *
 */
abstract class ServiceObjectDependent<R extends HasMetadata> extends StampedDependent<R, AppStack>
        implements BulkDependentResource<R, AppStack, String> {

    ServiceObjectDependent(Class<R> type) {
        super(type);
    }

    /** The object for one service, or none when the service does not need one. */
    protected abstract Optional<R> desired(AppStack stack, ServiceSpec service, Context<AppStack> context);

    @Override
    public Map<String, R> desiredResources(AppStack primary, Context<AppStack> context) {
        return AppStackResources.perService(primary, (stack, service) -> desired(stack, service, context));
    }

    @Override
    public Map<String, R> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(context, resourceType(), Labels.STACK, primary.getMetadata().getName(),
                r -> Secondaries.label(r, Labels.SERVICE));
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
                "Deleted " + resource.getKind() + " " + resource.getMetadata().getName() + " of service " + key);
    }
}
