package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.kafka.KafkaStep;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;

/**
 * The generated Secrets of the stack's data stores (they carry the stack in their part-of label): the services' pod
 * templates carry their checksum, so a rotated credential rolls the services that read it.
 */
final class BindingSecretsSource {
    private BindingSecretsSource() {}

    static InformerEventSource<Secret, AppStack> of(EventSourceContext<AppStack> context) {
        var secrets = InformerEventSourceConfiguration.from(Secret.class, AppStack.class)
                .withName(KafkaStep.BINDING_SECRETS)
                .withLabelSelector(Labels.MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(secret -> {
                    String stack = Secondaries.label(secret, Labels.PART_OF);
                    return stack == null
                            ? Set.of()
                            : Set.of(new ResourceID(stack, secret.getMetadata().getNamespace()));
                })
                .withItemStore(new WithoutManagedFields<>())
                .build();
        return new InformerEventSource<>(secrets, context);
    }
}
