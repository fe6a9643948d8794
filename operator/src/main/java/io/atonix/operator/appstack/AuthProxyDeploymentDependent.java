package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The Deployment of each oauth2-proxy of the stack. */
@KubernetesDependent(
        informer =
                @Informer(
                        labelSelector = Labels.AUTH_PROXY_CHILDREN_SELECTOR,
                        itemStore = WithoutManagedFields.class,
                        onUpdateFilter = DeploymentUpdates.class))
public class AuthProxyDeploymentDependent extends AuthProxyDependent<Deployment> {

    public AuthProxyDeploymentDependent() {
        super(Deployment.class);
    }

    @Override
    protected Optional<Deployment> desired(AppStack stack, ServiceSpec service) {
        return Optional.of(AuthProxyDeployments.desired(stack, service));
    }
}
