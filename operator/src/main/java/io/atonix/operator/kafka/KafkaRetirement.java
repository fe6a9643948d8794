package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Retires KafkaTopics and KafkaUsers the stack no longer wants. Users go at once (Strimzi removes their Secret and
 * ACLs); topics as the deletion policy says: with Retain they are first detached from the Topic Operator, so removing
 * the KafkaTopic keeps the data, and so are topics the stack still declares under a name the operator changed
 * ({@link RenamedTopics}). A refusal on the Kafka side never holds anything back.
 */
final class KafkaRetirement {
    private static final Logger LOG = Logger.getLogger(KafkaRetirement.class);

    private KafkaRetirement() {}

    /**
     * Retires the given topics and users; true while a topic waits for the Topic Operator to let go of it. That wait
     * lasts at most {@code bound} from when the topic was detached ({@link TopicOperatorWait}): then the KafkaTopic is
     * left behind, so neither the stack nor its deletion waits for ever on a Topic Operator that is down.
     */
    static boolean retire(
            AppStack stack,
            Collection<GenericKubernetesResource> topics,
            Collection<GenericKubernetesResource> users,
            StrimziWriter writer,
            Context<AppStack> context,
            Duration bound,
            Instant now) {
        for (GenericKubernetesResource user : users) {
            if (!beingDeleted(user)) {
                deleteTolerating(user, "", writer);
            }
        }
        boolean waiting = false;
        boolean retain = stack.getSpec().deletionPolicyOrDefault() == DeletionPolicy.Retain;
        for (GenericKubernetesResource topic : topics) {
            if (beingDeleted(topic)) {
                // Asked for already; Strimzi's own finalizer finishes it.
                continue;
            }
            Optional<KafkaTopicSpec> renamed = RenamedTopics.renamed(stack, topic);
            boolean keep = retain || renamed.isPresent();
            if (!keep || !KafkaClusters.existsFor(context, topic)) {
                deleteTolerating(
                        topic,
                        keep ? " (its Kafka cluster is gone)" : " (deletionPolicy Delete: the topic's data goes too)",
                        writer);
            } else if (unmanaged(topic, context)) {
                deleteTolerating(topic, " (detached: the topic and its data stay in Kafka)", writer);
            } else {
                Optional<Instant> since =
                        StrimziObjects.detached(topic) ? TopicOperatorWait.since(topic) : Optional.empty();
                if (since.isPresent() && WaitStart.over(since.get(), bound, now)) {
                    String why = TopicOperatorWait.leftBehind(stack, topic, since.get(), bound);
                    LOG.warn(why);
                    tolerating(topic, writer, () -> writer.leaveBehind(topic, why));
                } else {
                    // Not detached yet, or detached without a note of when (by a person, or an earlier release).
                    waiting = since.isPresent() || tolerating(topic, writer, () -> writer.detach(topic, bound, now));
                    if (since.isEmpty() && renamed.isPresent()) {
                        writer.warn("KafkaTopicRenamed", RenamedTopics.message(stack, renamed.get(), topic));
                    }
                }
            }
        }
        return waiting;
    }

    private static boolean unmanaged(GenericKubernetesResource topic, Context<AppStack> context) {
        return StrimziObjects.detached(topic)
                && StrimziObjects.holds(StrimziObjects.condition(
                        topic,
                        StrimziObjects.typed(
                                        topic,
                                        KafkaTopic.class,
                                        context.getClient().getKubernetesSerialization())
                                .getStatus(),
                        StrimziObjects.UNMANAGED_CONDITION));
    }

    private static boolean beingDeleted(HasMetadata object) {
        return object.getMetadata().getDeletionTimestamp() != null;
    }

    private static void deleteTolerating(GenericKubernetesResource object, String why, StrimziWriter writer) {
        tolerating(object, writer, () -> writer.delete(object, why));
    }

    /** Writes; true when it was written, false when the Kafka side refused it for good ({@link #released}). */
    private static boolean tolerating(GenericKubernetesResource object, StrimziWriter writer, Runnable write) {
        try {
            write.run();
            return true;
        } catch (KubernetesClientException e) {
            if (!released(e, object, writer)) {
                throw e;
            }
            return false;
        }
    }

    /** A 404 or 403 from the Kafka side: nothing the operator can do there any more, so it must not hold anything back. */
    private static boolean released(KubernetesClientException e, HasMetadata object, StrimziWriter writer) {
        if (e.getCode() != 404 && e.getCode() != 403) {
            return false;
        }
        writer.warn(
                "KafkaCleanupSkipped",
                object.getKind() + " " + StrimziWriter.where(object) + " could not be removed (HTTP " + e.getCode()
                        + "): " + e.getMessage());
        LOG.infof("giving up on %s %s: HTTP %d", object.getKind(), StrimziWriter.where(object), e.getCode());
        return true;
    }
}
