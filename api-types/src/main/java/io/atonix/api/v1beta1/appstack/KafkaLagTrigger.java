package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Scales on how many messages of a topic the service's consumer group has not read yet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KafkaLagTrigger(
        @Required
        @Size(min = 1, max = 249)
        @JsonPropertyDescription(
                "The topic, by its name in spec.kafka.topics; it must be one the service's use of Kafka consumes.")
        String topic,

        @Default("10")
        @Min(1)
        @Max(1000000000)
        @JsonPropertyDescription(
                "Messages behind per pod that the autoscaler aims for: 100 messages of lag with lagThreshold 10 asks for 10 pods (never more than the topic's partitions). Defaults to 10.")
        Integer lagThreshold,

        @Default("0")
        @Min(0)
        @Max(1000000000)
        @JsonPropertyDescription(
                "Lag above which a service scaled to zero gets its first pod again. Defaults to 0: any message wakes it.")
        Integer activationLagThreshold) {

    public static final int DEFAULT_LAG_THRESHOLD = 10;

    public int lagThresholdOrDefault() {
        return lagThreshold == null ? DEFAULT_LAG_THRESHOLD : lagThreshold;
    }

    public int activationLagThresholdOrDefault() {
        return activationLagThreshold == null ? 0 : activationLagThreshold;
    }
}
