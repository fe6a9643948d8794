package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The ServiceAccount of each oauth2-proxy of the stack. */
@KubernetesDependent(
        informer =
                @Informer(labelSelector = Labels.AUTH_PROXY_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class AuthProxyServiceAccountDependent extends AuthProxyDependent<ServiceAccount> {

    public AuthProxyServiceAccountDependent() {
        super(ServiceAccount.class);
    }

    @Override
    protected Optional<ServiceAccount> desired(AppStack stack, ServiceSpec service) {
        return Optional.of(AuthProxies.serviceAccount(stack, service));
    }
}
