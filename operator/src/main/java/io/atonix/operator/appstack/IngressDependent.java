package io.atonix.operator.appstack;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class IngressDependent extends ServiceObjectDependent<Ingress> {

    @Inject
    PlatformSettings platform;

    public IngressDependent() {
        super(Ingress.class);
    }

    @Override
    protected Optional<Ingress> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return Ingresses.desired(stack, service, platform);
    }
}
