package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.DesiredStateMatcher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the stack's KafkaTopics and KafkaUsers to their desired state, at the version the cluster serves: creates the
 * missing, updates the changed, and collects what it may not do (a name taken by another stack, fewer partitions) as
 * problems for the component's message.
 */
final class KafkaWrites {
    private final StrimziWriter writer;
    private final StrimziApiVersion version;
    private final KubernetesSerialization serialization;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> unusable = new HashSet<>();
    private final Set<String> elsewhere = new HashSet<>();

    private final Context<AppStack> context;

    KafkaWrites(StrimziWriter writer, StrimziApiVersion version, Context<AppStack> context) {
        this.writer = writer;
        this.version = version;
        this.context = context;
        this.serialization = context.getClient().getKubernetesSerialization();
    }

    List<String> problems() {
        return problems;
    }

    /** The names in Kafka of the stack's own topics whose KafkaTopic someone else holds: no service is granted them. */
    Set<String> unusable() {
        return unusable;
    }

    /** Whether the topic is a shared one whose KafkaTopic another stack or the platform team manages. */
    boolean managedElsewhere(KafkaTopic topic) {
        return elsewhere.contains(topic.getSpec().getTopicName());
    }

    /**
     * The topics as stored after the writes, keyed by namespace/name; a topic another stack owns is left out. A shared
     * topic (one of {@code shared}, names in Kafka) whose KafkaTopic is someone else's is used as it is.
     */
    Map<String, GenericKubernetesResource> topics(
            List<KafkaTopic> topics, Map<String, GenericKubernetesResource> actual, Set<String> shared) {
        Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
        for (KafkaTopic topic : topics) {
            GenericKubernetesResource desired = StrimziObjects.atVersion(topic, version, serialization);
            String key = StrimziWriter.where(topic);
            GenericKubernetesResource current = actual.get(key);
            if (current == null) {
                // Another stack's KafkaTopic is in the informer's cache: known to be taken without a create refused.
                Optional<GenericKubernetesResource> created =
                        heldByAnotherStack(topic) ? Optional.empty() : writer.create(KafkaEventSources.TOPICS, desired);
                String kafkaName = topic.getSpec().getTopicName();
                if (created.isEmpty() && shared.contains(kafkaName)) {
                    elsewhere.add(kafkaName);
                    continue;
                }
                if (created.isEmpty()) {
                    unusable.add(kafkaName);
                    problems.add("KafkaTopic " + key + " already exists and is not this stack's: topic " + kafkaName
                            + " is left alone, and no service of the stack is granted it");
                    continue;
                }
                current = created.get();
            } else {
                Integer partitions = StrimziObjects.typed(current, KafkaTopic.class, serialization)
                        .getSpec()
                        .getPartitions();
                if (partitions != null && partitions > topic.getSpec().getPartitions()) {
                    problems.add("topic " + topic.getSpec().getTopicName() + " has " + partitions
                            + " partitions: Kafka cannot reduce them to "
                            + topic.getSpec().getPartitions());
                } else if (StrimziObjects.detached(current)
                        || !DesiredStateMatcher.matches(current, desired, serialization)) {
                    current = writer.update(KafkaEventSources.TOPICS, current, desired);
                }
            }
            result.put(key, current);
        }
        return result;
    }

    private boolean heldByAnotherStack(KafkaTopic topic) {
        return KafkaEventSources.generic(context, KafkaEventSources.TOPICS)
                .get(new ResourceID(
                        topic.getMetadata().getName(), topic.getMetadata().getNamespace()))
                .isPresent();
    }

    /** The users as stored after the writes, keyed by namespace/name; a user another stack owns is left out. */
    Map<String, GenericKubernetesResource> users(List<KafkaUser> users, Map<String, GenericKubernetesResource> actual) {
        Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
        for (KafkaUser user : users) {
            GenericKubernetesResource desired = StrimziObjects.atVersion(user, version, serialization);
            String key = StrimziWriter.where(user);
            GenericKubernetesResource current = actual.get(key);
            if (current == null) {
                current = writer.create(KafkaEventSources.USERS, desired).orElse(null);
                if (current == null) {
                    problems.add("KafkaUser " + key + " already exists and is not this stack's");
                }
            } else if (!DesiredStateMatcher.matches(current, desired, serialization)) {
                current = writer.update(KafkaEventSources.USERS, current, desired);
            }
            if (current != null) {
                result.put(key, current);
            }
        }
        return result;
    }

    /** The stored objects as Strimzi's types, keyed by name, for the status. */
    <T> Map<String, T> typed(Map<String, GenericKubernetesResource> objects, Class<T> type) {
        Map<String, T> result = new LinkedHashMap<>();
        objects.forEach((key, object) ->
                result.put(object.getMetadata().getName(), StrimziObjects.typed(object, type, serialization)));
        return result;
    }
}
