package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One object of a kind per oauth2-proxy of a stack, keyed by the service it signs in: created while the service's auth
 * is Browser or Bearer, deleted when it becomes None or the service goes.
 */
abstract class AuthProxyDependent<R extends HasMetadata> extends StackChildDependent<R> {

    AuthProxyDependent(Class<R> type) {
        super(type);
    }

    protected abstract Optional<R> desired(AppStack stack, ServiceSpec service);

    @Override
    public Map<String, R> desiredResources(AppStack primary, Context<AppStack> context) {
        Map<String, R> result = new LinkedHashMap<>();
        for (ServiceSpec service : AuthProxies.protectedServices(primary)) {
            desired(primary, service).ifPresent(object -> result.put(service.name(), object));
        }
        return result;
    }

    @Override
    public Map<String, R> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                resourceType(),
                Labels.STACK,
                primary.getMetadata().getName(),
                r -> Secondaries.label(r, Labels.AUTH_PROXY));
    }

    @Override
    protected String ofKey(String key) {
        return " of the sign-in of service " + key;
    }
}
