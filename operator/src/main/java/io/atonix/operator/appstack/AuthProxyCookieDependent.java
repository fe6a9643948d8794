package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Passwords;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/**
 * The cookie secret of each oauth2-proxy of the stack. Created once: a stored Secret is what is wanted, never
 * compared, so a reconcile never regenerates it and signed-in users keep their sessions.
 */
@KubernetesDependent(
        informer =
                @Informer(labelSelector = Labels.AUTH_PROXY_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class AuthProxyCookieDependent extends AuthProxyDependent<Secret> {

    public AuthProxyCookieDependent() {
        super(Secret.class);
    }

    @Override
    protected Optional<Secret> desired(AppStack stack, ServiceSpec service) {
        return Optional.of(AuthProxies.cookieSecret(stack, service, Passwords::generate));
    }

    @Override
    public Matcher.Result<Secret> match(Secret actual, Secret desired, AppStack primary, Context<AppStack> context) {
        return Matcher.Result.computed(true, actual);
    }
}
