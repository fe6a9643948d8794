package io.atonix.operator.keda;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the ScaledObject and TriggerAuthentication dependents: without KEDA's CRDs
 * java-operator-sdk neither reconciles them nor starts their informers, and the HorizontalPodAutoscaler stays.
 */
public class KedaInstalled implements Condition<HasMetadata, HasMetadata> {

    @Override
    public boolean isMet(
            DependentResource<HasMetadata, HasMetadata> dependentResource,
            HasMetadata primary,
            Context<HasMetadata> context) {
        return KedaApi.installed(context.getClient());
    }
}
