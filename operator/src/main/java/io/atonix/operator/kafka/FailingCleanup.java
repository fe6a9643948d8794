package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WaitStart;
import java.time.Duration;
import java.time.Instant;

/**
 * A cleanup of the stack's Kafka objects that keeps failing (an API server error, a webhook that refuses): retried
 * until the bound, counted from the stack's deletion timestamp (kept by the API server), then given up so that the
 * finalizer goes and the namespace's deletion is never wedged. What is left behind is said, with how to remove it.
 */
final class FailingCleanup {

    /** Whether to give up now, and what to tell a person. */
    record Verdict(boolean release, String message) {}

    private FailingCleanup() {}

    static Verdict judge(AppStack stack, String failure, Duration bound, Instant now) {
        String deleted = stack.getMetadata().getDeletionTimestamp();
        Instant since = deleted == null ? now : Instant.parse(deleted);
        if (!WaitStart.over(since, bound, now)) {
            return new Verdict(
                    false,
                    "Removing the stack's Kafka objects failed (" + failure + "); retrying until "
                            + WaitStart.words(bound)
                            + " after the stack's deletion at " + WaitStart.stamp(since)
                            + ", then the finalizer is released and the objects are left behind");
        }
        String namespace = stack.getSpec().kafka() == null
                ? "the Kafka cluster's namespace"
                : "namespace " + KafkaTopics.clusterNamespace(stack);
        return new Verdict(
                true,
                "Removing the stack's Kafka objects failed for longer than " + WaitStart.words(bound)
                        + " since the stack's deletion at " + WaitStart.stamp(since) + " (" + failure
                        + "): the finalizer is released. Left behind in " + namespace
                        + ": the KafkaTopics and KafkaUsers labelled " + Labels.STACK + "="
                        + stack.getMetadata().getName() + "," + Labels.STACK_NAMESPACE + "="
                        + stack.getMetadata().getNamespace() + "; delete them by hand, after annotating the"
                        + " KafkaTopics " + StrimziObjects.MANAGED + "=false to keep their data");
    }
}
