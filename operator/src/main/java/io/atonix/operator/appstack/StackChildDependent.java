package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.ChildChanges;
import io.atonix.operator.common.StampedDependent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;

/**
 * Objects of one kind that a stack owns, keyed within the stack: every create, update and delete is noted in the
 * reconcile's {@link ChildChanges}, which the stack's Events report.
 */
abstract class StackChildDependent<R extends HasMetadata> extends StampedDependent<R, AppStack>
        implements BulkDependentResource<R, AppStack, String> {

    StackChildDependent(Class<R> type) {
        super(type);
    }

    /** What a deletion message adds to the object's kind and name to say which part of the stack it served. */
    protected String ofKey(String key) {
        return "";
    }

    @Override
    public R create(R desired, AppStack primary, Context<AppStack> context) {
        R created = super.create(desired, primary, context);
        ChildChanges.record(
                context,
                primary,
                ChildChanges.CREATED,
                desired.getKind() + " " + desired.getMetadata().getName());
        return created;
    }

    @Override
    public R update(R actual, R desired, AppStack primary, Context<AppStack> context) {
        R updated = super.update(actual, desired, primary, context);
        ChildChanges.record(
                context,
                primary,
                ChildChanges.UPDATED,
                desired.getKind() + " " + desired.getMetadata().getName());
        return updated;
    }

    @Override
    public void deleteTargetResource(AppStack primary, R resource, String key, Context<AppStack> context) {
        context.getClient().resource(resource).delete();
        ChildChanges.record(
                context,
                primary,
                ChildChanges.DELETED,
                resource.getKind() + " " + resource.getMetadata().getName() + ofKey(key));
    }
}
