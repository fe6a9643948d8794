package io.atonix.operator.objectstore;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the BucketAccess dependent: without COSI's CRDs java-operator-sdk neither reconciles it nor
 * starts its informer, and the stack's ObjectStores component says why its claimed stores are not bound.
 */
public class CosiInstalled implements Condition<HasMetadata, HasMetadata> {

    @Override
    public boolean isMet(
            DependentResource<HasMetadata, HasMetadata> dependentResource,
            HasMetadata primary,
            Context<HasMetadata> context) {
        return CosiApi.installed(context.getClient());
    }
}
