package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.common.Names;
import java.util.Optional;

/**
 * The service's own use of Kafka, as a Kafka lag trigger reads it: the binding Secret the operator writes for that use
 * (the only Secret the trigger's authentication may name) and the prefix of the variables it sets.
 */
public record KafkaLagBinding(ServiceUse use, String secretName) {

    /** The service's use of Kafka, when it has one (at most one: CEL and the validator). */
    public static Optional<KafkaLagBinding> of(AppStack stack, ServiceSpec service) {
        return service.uses(UseKind.Kafka).stream()
                .findFirst()
                .map(use -> new KafkaLagBinding(
                        use,
                        KafkaBinding.secretName(
                                stack.getMetadata().getName(), Names.login(service.name(), use.name()))));
    }

    /** The variable of the app container that holds the bootstrap servers, which KEDA reads from the pod template. */
    public String bootstrapServersVariable() {
        return use.envPrefixOrDefault() + "KAFKA_BOOTSTRAP_SERVERS";
    }
}
