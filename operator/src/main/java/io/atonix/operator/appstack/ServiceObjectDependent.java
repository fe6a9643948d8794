package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;
import java.util.Optional;

/**
 * One object of a kind per service of a stack, keyed by service name: created when a service needs it, updated when
 * the desired object changes, deleted when the service (or the feature that needs it) goes away.
 */
abstract class ServiceObjectDependent<R extends HasMetadata> extends StackChildDependent<R> {

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
        return Secondaries.labelled(
                context,
                resourceType(),
                Labels.STACK,
                primary.getMetadata().getName(),
                r -> Secondaries.label(r, Labels.SERVICE));
    }

    @Override
    protected String ofKey(String key) {
        return " of service " + key;
    }
}
