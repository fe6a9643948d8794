package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.keda.KafkaClientSecurity;
import io.atonix.operator.keda.KafkaLagBinding;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * How KEDA reaches a service's Kafka listener, from the service's binding Secret in the stack's Secret informer (see
 * {@link AppStackReconciler#prepareEventSources}); until Strimzi has made it, the listener the operator prefers. The
 * binding's arrival is an event of the stack, which then corrects the ScaledObject if the guess was wrong.
 */
final class KafkaBindingSecurity {

    private KafkaBindingSecurity() {}

    static KafkaClientSecurity of(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return KafkaLagBinding.of(stack, service)
                .flatMap(binding -> context.getSecondaryResourcesAsStream(Secret.class)
                        .filter(s -> binding.secretName().equals(s.getMetadata().getName()))
                        .findFirst())
                .map(KafkaClientSecurity::of)
                .orElseGet(() -> KafkaClientSecurity.assumed(KafkaAuthentication.SCRAM_SHA_512));
    }
}
