package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The stack's KafkaTopics and KafkaUsers in the informers' caches, keyed by namespace/name. */
record OwnedKafkaObjects(Map<String, GenericKubernetesResource> topics, Map<String, GenericKubernetesResource> users) {

    boolean isEmpty() {
        return topics.isEmpty() && users.isEmpty();
    }

    static OwnedKafkaObjects of(Context<AppStack> context, AppStack stack) {
        return new OwnedKafkaObjects(
                owned(context, stack, KafkaEventSources.TOPICS), owned(context, stack, KafkaEventSources.USERS));
    }

    /** The owned topics that are not among {@code desired}: the ones the stack no longer declares. */
    List<GenericKubernetesResource> topicsBeyond(List<? extends HasMetadata> desired) {
        return beyond(topics, desired);
    }

    /** The owned users that are not among {@code desired}. */
    List<GenericKubernetesResource> usersBeyond(List<? extends HasMetadata> desired) {
        return beyond(users, desired);
    }

    private static List<GenericKubernetesResource> beyond(
            Map<String, GenericKubernetesResource> owned, List<? extends HasMetadata> desired) {
        Set<String> keys = desired.stream().map(StrimziWriter::where).collect(Collectors.toSet());
        return owned.entrySet().stream()
                .filter(e -> !keys.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static Map<String, GenericKubernetesResource> owned(
            Context<AppStack> context, AppStack stack, String source) {
        Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
        for (GenericKubernetesResource object :
                KafkaEventSources.generic(context, source).getSecondaryResources(stack)) {
            if (KafkaLabels.belongsTo(object, stack)) {
                result.put(StrimziWriter.where(object), object);
            }
        }
        return result;
    }
}
