package io.atonix.operator.common;

import java.time.Duration;

/**
 * How long the operator waits on another system before it says the wait is stuck ({@link OperatorConfig.Waits}). Each
 * wait is measured from a time kept on an object ({@link WaitStart}), never from the operator's memory.
 *
 * @param kafkaUnmanaged a KafkaTopic retired under Retain, for the Topic Operator to report it Unmanaged
 * @param kafkaUserSecret a KafkaUser, for the User Operator to create its Secret
 * @param volumeExpansion a data volume claim asked for more storage, to grow
 * @param referencedSecret a server that is not ready, for a Secret of the user its spec names (object store credentials)
 */
public record WaitBounds(
        Duration kafkaUnmanaged, Duration kafkaUserSecret, Duration volumeExpansion, Duration referencedSecret) {}
