package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The informers of the Kafka part, registered with the AppStack controller the first time a stack needs them and
 * Strimzi is there (a missing CRD would make an informer fail, so they are not registered at start-up): our
 * KafkaTopics and KafkaUsers and Strimzi's Secrets of our users, selected by label and mapped to their stack by
 * label; and the Kafka clusters, mapped to the stacks that name them.
 */
final class KafkaEventSources {
    static final String TOPICS = "kafka-topics";
    static final String USERS = "kafka-users";
    static final String CLUSTERS = "kafka-clusters";
    static final String USER_SECRETS = "kafka-user-secrets";

    private KafkaEventSources() {}

    static void register(Context<AppStack> context, StrimziApiVersion version) {
        var retriever = context.eventSourceRetriever();
        EventSourceContext<AppStack> sources = retriever.eventSourceContextForDynamicRegistration();
        // Registering is idempotent by name: a second call finds the running source.
        retriever.dynamicallyRegisterEventSource(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(gvk(version, StrimziApiVersion.KAFKA_TOPIC), AppStack.class)
                        .withName(TOPICS)
                        .withLabelSelector(Labels.MANAGED_SELECTOR)
                        .withSecondaryToPrimaryMapper(KafkaLabels::owningStack)
                        .withItemStore(new WithoutManagedFields<>())
                        .build(),
                sources));
        retriever.dynamicallyRegisterEventSource(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(gvk(version, StrimziApiVersion.KAFKA_USER), AppStack.class)
                        .withName(USERS)
                        .withLabelSelector(Labels.MANAGED_SELECTOR)
                        .withSecondaryToPrimaryMapper(KafkaLabels::owningStack)
                        .withItemStore(new WithoutManagedFields<>())
                        .build(),
                sources));
        retriever.dynamicallyRegisterEventSource(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, AppStack.class)
                        .withName(USER_SECRETS)
                        .withLabelSelector(KafkaLabels.USER_SECRET_SELECTOR)
                        .withSecondaryToPrimaryMapper(KafkaLabels::owningStack)
                        .withItemStore(new WithoutManagedFields<>())
                        .build(),
                sources));
        retriever.dynamicallyRegisterEventSource(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(gvk(version, StrimziApiVersion.KAFKA), AppStack.class)
                        .withName(CLUSTERS)
                        .withSecondaryToPrimaryMapper(kafka -> stacksUsing(sources, kafka))
                        .withItemStore(new WithoutManagedFields<>())
                        .build(),
                sources));
    }

    @SuppressWarnings("unchecked")
    static InformerEventSource<GenericKubernetesResource, AppStack> generic(Context<AppStack> context, String name) {
        return (InformerEventSource<GenericKubernetesResource, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(GenericKubernetesResource.class, name);
    }

    @SuppressWarnings("unchecked")
    static InformerEventSource<Secret, AppStack> userSecrets(Context<AppStack> context) {
        return (InformerEventSource<Secret, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(Secret.class, USER_SECRETS);
    }

    private static Set<ResourceID> stacksUsing(EventSourceContext<AppStack> sources, GenericKubernetesResource kafka) {
        String name = kafka.getMetadata().getName();
        String namespace = kafka.getMetadata().getNamespace();
        return sources.getPrimaryCache()
                .list()
                .filter(stack -> stack.getSpec() != null
                        && stack.getSpec().kafka() != null
                        && name.equals(stack.getSpec().kafka().clusterRef().name())
                        && namespace.equals(KafkaTopics.clusterNamespace(stack)))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static GroupVersionKind gvk(StrimziApiVersion version, String kind) {
        return new GroupVersionKind(StrimziApiVersion.GROUP, version.version(), kind);
    }
}
