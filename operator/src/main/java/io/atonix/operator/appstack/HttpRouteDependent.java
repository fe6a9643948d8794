package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The HTTPRoutes of the stack's services, one per service and host, in Gateway mode; in Ingress mode none, so that
 * routes a former Gateway mode wrote are removed.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class HttpRouteDependent extends StackChildDependent<HTTPRoute> {

    @Inject
    PlatformSettings platform;

    public HttpRouteDependent() {
        super(HTTPRoute.class);
    }

    @Override
    public Map<String, HTTPRoute> desiredResources(AppStack primary, Context<AppStack> context) {
        return HttpRoutes.desired(primary, platform);
    }

    @Override
    public Map<String, HTTPRoute> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context, HTTPRoute.class, Labels.STACK, primary.getMetadata().getName(), HttpRoutes::key);
    }

    @Override
    protected String ofKey(String key) {
        return " of service and host " + key;
    }
}
