package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.keda.KedaApi;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class HorizontalPodAutoscalerDependent extends ServiceObjectDependent<HorizontalPodAutoscaler> {

    public HorizontalPodAutoscalerDependent() {
        super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected Optional<HorizontalPodAutoscaler> desired(
            AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return Autoscalers.desired(stack, service, KedaApi.installed(context.getClient()));
    }

    /** Only the stack's own: KEDA's HPA of a ScaledObject is KEDA's, and deleting it would start a fight. */
    @Override
    public Map<String, HorizontalPodAutoscaler> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        Map<String, HorizontalPodAutoscaler> owned = new HashMap<>(super.getSecondaryResources(primary, context));
        owned.values()
                .removeIf(hpa -> hpa.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> "ScaledObject".equals(o.getKind())));
        return owned;
    }
}
