package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.Optional;

/** What the Kafka side has: the stack's Kafka cluster, the cluster of a topic, the namespace an object lives in. */
final class KafkaClusters {

    private KafkaClusters() {}

    /** The Kafka cluster spec.kafka.clusterRef names, from the informer's cache. */
    static Optional<Kafka> of(Context<AppStack> context, AppStack stack) {
        ResourceID id =
                new ResourceID(stack.getSpec().kafka().clusterRef().name(), KafkaTopics.clusterNamespace(stack));
        return KafkaEventSources.generic(context, KafkaEventSources.CLUSTERS)
                .get(id)
                .map(k ->
                        StrimziObjects.typed(k, Kafka.class, context.getClient().getKubernetesSerialization()));
    }

    /** Whether the Kafka cluster a KafkaTopic or KafkaUser is labelled with still exists. */
    static boolean existsFor(Context<AppStack> context, GenericKubernetesResource object) {
        String cluster = object.getMetadata().getLabels() == null
                ? null
                : object.getMetadata().getLabels().get(KafkaLabels.STRIMZI_CLUSTER);
        return cluster != null
                && KafkaEventSources.generic(context, KafkaEventSources.CLUSTERS)
                        .get(new ResourceID(cluster, object.getMetadata().getNamespace()))
                        .isPresent();
    }

    /** Whether the object's namespace exists and is not terminating; a Warning Event says so when it does not. */
    static boolean namespaceExists(Context<AppStack> context, HasMetadata object, StrimziWriter writer) {
        String namespace = object.getMetadata().getNamespace();
        try {
            Namespace found =
                    context.getClient().namespaces().withName(namespace).get();
            // A terminating namespace takes its KafkaTopics with it, and may already have lost the Topic Operator that
            // a detach would wait for.
            if (found != null && found.getMetadata().getDeletionTimestamp() == null) {
                return true;
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
        }
        writer.warn(
                "KafkaCleanupSkipped",
                "namespace " + namespace + " of " + object.getKind() + " "
                        + object.getMetadata().getName()
                        + " is gone, terminating or cannot be read: nothing left to remove there");
        return false;
    }
}
