package io.atonix.operator.monitoring;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of every monitoring dependent: while it does not hold, java-operator-sdk neither reconciles
 * the dependent nor starts an informer for its kind, so a cluster without the Prometheus Operator costs nothing and
 * fails nothing.
 */
public class PrometheusOperatorInstalled implements Condition<HasMetadata, HasMetadata> {

    @Override
    public boolean isMet(
            DependentResource<HasMetadata, HasMetadata> dependentResource,
            HasMetadata primary,
            Context<HasMetadata> context) {
        return PrometheusOperatorApi.installed(context.getClient());
    }
}
