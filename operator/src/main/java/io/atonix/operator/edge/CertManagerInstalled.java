package io.atonix.operator.edge;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the Certificate dependent: without cert-manager's CRD java-operator-sdk neither reconciles
 * it nor starts an informer for Certificates, and the stack's Certificates component says why.
 */
public class CertManagerInstalled implements Condition<HasMetadata, HasMetadata> {

    @Override
    public boolean isMet(
            DependentResource<HasMetadata, HasMetadata> dependentResource,
            HasMetadata primary,
            Context<HasMetadata> context) {
        return CertManagerApi.installed(context.getClient());
    }
}
