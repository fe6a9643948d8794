package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A cleanup of the Kafka side that keeps failing holds the stack's deletion only until the bound, counted from the
 * deletion timestamp the API server keeps; then the finalizer goes and the Event says what was left behind.
 */
class FailingCleanupTest {
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String FAILURE = "HTTP 500: etcdserver: request timed out";

    @Test
    void withinTheBoundAFailingCleanupHoldsTheDeletionAndSaysUntilWhen() {
        FailingCleanup.Verdict verdict = FailingCleanup.judge(deleted("2026-12-02T11:55:00Z"), FAILURE, BOUND, NOW);
        assertThat(verdict.release()).isFalse();
        assertThat(verdict.message())
                .contains(
                        "failed (HTTP 500: etcdserver: request timed out)",
                        "retrying until 10m after the stack's deletion at 2026-12-02T11:55:00Z",
                        "then the finalizer is released");
    }

    @Test
    void afterTheBoundTheFinalizerIsReleasedAndTheEventSaysWhatWasLeftBehindAndHowToRemoveIt() {
        FailingCleanup.Verdict verdict = FailingCleanup.judge(deleted("2026-12-02T11:00:00Z"), FAILURE, BOUND, NOW);
        assertThat(verdict.release()).isTrue();
        assertThat(verdict.message())
                .contains(
                        "failed for longer than 10m since the stack's deletion at 2026-12-02T11:00:00Z",
                        "the finalizer is released",
                        "Left behind in namespace kafka-x",
                        "labelled atonix.io/stack=shop,atonix.io/stack-namespace=app-x",
                        "annotating the KafkaTopics strimzi.io/managed=false to keep their data");
    }

    private static AppStack deleted(String at) {
        AppStack stack = KafkaStacks.shop("app-x", "kafka-x", DeletionPolicy.Retain);
        stack.getMetadata().setDeletionTimestamp(at);
        return stack;
    }
}
