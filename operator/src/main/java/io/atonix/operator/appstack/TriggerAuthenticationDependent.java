package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.keda.TriggerAuthentication;
import io.atonix.operator.keda.TriggerAuthentications;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The KEDA TriggerAuthentication of each service with a Kafka lag trigger: its own binding Secret's credentials. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class TriggerAuthenticationDependent extends ServiceObjectDependent<TriggerAuthentication> {

    public TriggerAuthenticationDependent() {
        super(TriggerAuthentication.class);
    }

    @Override
    protected Optional<TriggerAuthentication> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return TriggerAuthentications.desired(stack, service, KafkaBindingSecurity.of(stack, service, context));
    }
}
