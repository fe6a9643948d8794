package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.ComponentStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What the Kafka part of a reconcile found: the stack's "Kafka" component (none for a stack without spec.kafka), and
 * when to look again without an event (Strimzi absent, or a topic being detached).
 */
public record KafkaOutcome(Optional<ComponentStatus> component, Optional<Duration> recheck) {
    static final KafkaOutcome NONE = new KafkaOutcome(Optional.empty(), Optional.empty());

    static KafkaOutcome of(ComponentStatus component, Duration recheck) {
        return new KafkaOutcome(Optional.of(component), Optional.ofNullable(recheck));
    }
}
