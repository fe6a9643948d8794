package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PodDisruptionBudgetDependent extends ServiceObjectDependent<PodDisruptionBudget> {

    public PodDisruptionBudgetDependent() {
        super(PodDisruptionBudget.class);
    }

    @Override
    protected Optional<PodDisruptionBudget> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return DisruptionBudgets.desired(stack, service);
    }
}
