package io.atonix.operator.edge;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the HTTPRoute dependent, in either mode: in Gateway mode it writes the routes, in Ingress
 * mode it removes those a Gateway mode left. Without the Gateway API's CRDs nothing about HTTPRoutes runs.
 */
public class GatewayApiInstalled implements Condition<HasMetadata, HasMetadata> {

    @Override
    public boolean isMet(
            DependentResource<HasMetadata, HasMetadata> dependentResource,
            HasMetadata primary,
            Context<HasMetadata> context) {
        return GatewayApi.installed(context.getClient());
    }
}
