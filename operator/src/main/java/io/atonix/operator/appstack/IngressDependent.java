package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The stack's Ingress; removed when no service has a route. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class IngressDependent extends StackObjectDependent<Ingress> {

    @Inject
    PlatformSettings platform;

    public IngressDependent() {
        super(Ingress.class, Ingresses.NAME_LABEL);
    }

    @Override
    protected Optional<Ingress> desired(AppStack stack) {
        return Ingresses.desired(stack, platform);
    }
}
