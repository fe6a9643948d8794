package io.atonix.operator.render;

import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.kafka.SharedTopics;
import io.atonix.operator.kafka.StrimziApiVersion;

/**
 * What the controller learns from the cluster about Strimzi and render, which has no cluster, assumes: by default
 * Strimzi's v1 API (served by Strimzi 0.49 and later, and the only one of Strimzi 1.x) and a listener that
 * authenticates with SCRAM-SHA-512. Like an operator installed without the setting, it shares no topic outside the
 * stacks' own names unless told (the operator's setting kafka.sharedTopics).
 */
public record KafkaAssumptions(StrimziApiVersion version, KafkaAuthentication authentication, SharedTopics shared) {

    public static KafkaAssumptions defaults() {
        return new KafkaAssumptions(StrimziApiVersion.V1, KafkaAuthentication.SCRAM_SHA_512, SharedTopics.none());
    }
}
