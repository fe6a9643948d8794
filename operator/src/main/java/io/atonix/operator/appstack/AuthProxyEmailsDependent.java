package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The ConfigMap of each oauth2-proxy of the stack. */
@KubernetesDependent(
        informer =
                @Informer(labelSelector = Labels.AUTH_PROXY_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class AuthProxyEmailsDependent extends AuthProxyDependent<ConfigMap> {

    public AuthProxyEmailsDependent() {
        super(ConfigMap.class);
    }

    @Override
    protected Optional<ConfigMap> desired(AppStack stack, ServiceSpec service) {
        return AuthProxies.emails(stack, service);
    }
}
