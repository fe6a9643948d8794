package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bounded wait for Strimzi's Topic Operator to let go of a KafkaTopic retired under Retain. It begins when the
 * operator detaches the topic ({@link #DETACHED_AT}, on the KafkaTopic, so a restart does not reset it). After the
 * bound the KafkaTopic is left behind: still detached, no longer the stack's, never deleted; the stack goes on and a
 * deletion finishes, and no data is lost.
 */
final class TopicOperatorWait {
    /** On a KafkaTopic the operator detached: when it did so, the start of the wait. */
    static final String DETACHED_AT = "atonix.io/detached-at";
    /** On a KafkaTopic left behind: the stack that left it, namespace/name. */
    static final String LEFT_BEHIND_BY = "atonix.io/left-behind-by";
    /** The labels that make a KafkaTopic the stack's; a person removes them to stop the wait at once. */
    static final List<String> OWNERSHIP_LABELS =
            List.of(Labels.STACK, Labels.STACK_NAMESPACE, Labels.PART_OF, Labels.MANAGED_BY);

    private TopicOperatorWait() {}

    static Optional<Instant> since(HasMetadata topic) {
        return WaitStart.of(topic, DETACHED_AT);
    }

    /** Said when the wait begins: how long it lasts, and what happens then. */
    static String begins(HasMetadata topic, Duration bound) {
        return "Detaching KafkaTopic " + StrimziWriter.where(topic)
                + " from the Topic Operator: the topic and its data stay in Kafka. The stack waits up to "
                + WaitStart.words(bound) + " for the Topic Operator to mark it Unmanaged; after that the KafkaTopic is"
                + " left behind, not deleted";
    }

    /** Said when the bound is over: why, since when, what was left behind and what a person may do about it. */
    static String leftBehind(AppStack stack, HasMetadata topic, Instant since, Duration bound) {
        return "The Topic Operator did not mark KafkaTopic " + StrimziWriter.where(topic) + " Unmanaged within "
                + WaitStart.words(bound) + " (detached since " + WaitStart.stamp(since)
                + "); is it running? The KafkaTopic is left behind with " + StrimziObjects.MANAGED + "=false and "
                + LEFT_BEHIND_BY + "=" + StrimziWriter.where(stack)
                + ", no longer the stack's: the topic and its data stay in Kafka. Delete the KafkaTopic once Strimzi"
                + " reports it Unmanaged";
    }
}
