package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.keda.ScaledObject;
import io.atonix.operator.keda.ScaledObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The KEDA ScaledObject of each service whose autoscale names triggers, where KEDA runs; removed with the triggers. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ScaledObjectDependent extends ServiceObjectDependent<ScaledObject> {

    @Inject
    PlatformSettings platform;

    public ScaledObjectDependent() {
        super(ScaledObject.class);
    }

    @Override
    protected Optional<ScaledObject> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return ScaledObjects.desired(
                stack, service, KafkaBindingSecurity.of(stack, service, context), platform.prometheus());
    }
}
