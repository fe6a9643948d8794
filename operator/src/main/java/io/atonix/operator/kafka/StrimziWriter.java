package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.ChildChanges;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the stack's KafkaTopics and KafkaUsers, at the version the cluster serves, with create and update
 * (replace), as every other child. An update replaces the spec and merges the metadata: the Topic Operator's
 * finalizer and what others annotate stay. Each write is noted for the stack's Events ({@link ChildChanges}) and fed to the informer,
 * so the next reconcile sees it even before the watch does.
 */
final class StrimziWriter {
    private final Context<AppStack> context;
    private final AppStack stack;
    private final StrimziApiVersion version;

    StrimziWriter(Context<AppStack> context, AppStack stack, StrimziApiVersion version) {
        this.context = context;
        this.stack = stack;
        this.version = version;
    }

    /** Creates the object; empty when one of that name exists that is not this stack's. */
    Optional<GenericKubernetesResource> create(String source, GenericKubernetesResource desired) {
        try {
            GenericKubernetesResource created = operation(desired.getKind())
                    .inNamespace(desired.getMetadata().getNamespace())
                    .resource(desired)
                    .create();
            remember(source, created);
            ChildChanges.record(context, stack, ChildChanges.CREATED, desired.getKind() + " " + where(desired));
            return Optional.of(created);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // Ours, created a moment ago and not yet seen by the informer; or someone else's.
            GenericKubernetesResource existing = operation(desired.getKind())
                    .inNamespace(desired.getMetadata().getNamespace())
                    .withName(desired.getMetadata().getName())
                    .get();
            return existing != null && KafkaLabels.belongsTo(existing, stack)
                    ? Optional.of(existing)
                    : Optional.empty();
        }
    }

    /** Replaces the spec; keeps the stored metadata others wrote, except a detachment the stack no longer wants. */
    GenericKubernetesResource update(
            String source, GenericKubernetesResource actual, GenericKubernetesResource desired) {
        GenericKubernetesResource merged =
                context.getClient().getKubernetesSerialization().clone(actual);
        Map<String, String> labels =
                new LinkedHashMap<>(orEmpty(actual.getMetadata().getLabels()));
        labels.putAll(desired.getMetadata().getLabels());
        Map<String, String> annotations =
                new LinkedHashMap<>(orEmpty(actual.getMetadata().getAnnotations()));
        annotations.remove(StrimziObjects.MANAGED);
        annotations.remove(TopicOperatorWait.DETACHED_AT);
        annotations.putAll(orEmpty(desired.getMetadata().getAnnotations()));
        merged.getMetadata().setLabels(labels);
        merged.getMetadata().setAnnotations(annotations);
        merged.setApiVersion(desired.getApiVersion());
        merged.getAdditionalProperties()
                .put("spec", desired.getAdditionalProperties().get("spec"));
        GenericKubernetesResource updated = operation(desired.getKind())
                .inNamespace(actual.getMetadata().getNamespace())
                .resource(merged)
                .update();
        remember(source, updated);
        ChildChanges.record(context, stack, ChildChanges.UPDATED, desired.getKind() + " " + where(desired));
        return updated;
    }

    /**
     * Tells the Topic Operator to let go of the topic, so that deleting the KafkaTopic keeps the data, and notes when
     * ({@link TopicOperatorWait#DETACHED_AT}); a topic someone else detached only gets the note.
     */
    GenericKubernetesResource detach(GenericKubernetesResource topic, Duration bound, Instant now) {
        boolean detachedBefore = StrimziObjects.detached(topic);
        GenericKubernetesResource detached =
                context.getClient().getKubernetesSerialization().clone(topic);
        Map<String, String> annotations =
                new LinkedHashMap<>(orEmpty(topic.getMetadata().getAnnotations()));
        annotations.put(StrimziObjects.MANAGED, "false");
        annotations.put(TopicOperatorWait.DETACHED_AT, WaitStart.stamp(now));
        detached.getMetadata().setAnnotations(annotations);
        GenericKubernetesResource updated = operation(topic.getKind())
                .inNamespace(topic.getMetadata().getNamespace())
                .resource(detached)
                .update();
        remember(KafkaEventSources.TOPICS, updated);
        if (!detachedBefore) {
            record("Detaching", TopicOperatorWait.begins(topic, bound));
        }
        return updated;
    }

    /**
     * Leaves a detached topic behind: the labels that make it the stack's go, a note names the stack, and a Warning
     * Event says why. Nothing is deleted.
     */
    void leaveBehind(GenericKubernetesResource topic, String why) {
        GenericKubernetesResource left =
                context.getClient().getKubernetesSerialization().clone(topic);
        Map<String, String> labels =
                new LinkedHashMap<>(orEmpty(topic.getMetadata().getLabels()));
        TopicOperatorWait.OWNERSHIP_LABELS.forEach(labels::remove);
        Map<String, String> annotations =
                new LinkedHashMap<>(orEmpty(topic.getMetadata().getAnnotations()));
        annotations.put(TopicOperatorWait.LEFT_BEHIND_BY, where(stack));
        left.getMetadata().setLabels(labels);
        left.getMetadata().setAnnotations(annotations);
        GenericKubernetesResource updated = operation(topic.getKind())
                .inNamespace(topic.getMetadata().getNamespace())
                .resource(left)
                .update();
        remember(KafkaEventSources.TOPICS, updated);
        warn("KafkaTopicLeftBehind", why);
    }

    void delete(GenericKubernetesResource object, String why) {
        operation(object.getKind())
                .inNamespace(object.getMetadata().getNamespace())
                .resource(object)
                .delete();
        ChildChanges.record(context, stack, ChildChanges.DELETED, object.getKind() + " " + where(object) + why);
    }

    void record(String reason, String message) {
        EventRecorder.record(client(), stack, EventRecorder.NORMAL, reason, message);
    }

    void warn(String reason, String message) {
        EventRecorder.record(client(), stack, EventRecorder.WARNING, reason, message);
    }

    private MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            operation(String kind) {
        return client().genericKubernetesResources(version.context(kind));
    }

    private void remember(String source, GenericKubernetesResource written) {
        InformerEventSource<GenericKubernetesResource, AppStack> informer = KafkaEventSources.generic(context, source);
        informer.handleRecentResourceCreate(ResourceID.fromResource(stack), written);
    }

    private KubernetesClient client() {
        return context.getClient();
    }

    static String where(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
