package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/**
 * A topic of the stack. Its name in Kafka is scoped to the stack, {@code <namespace>.<stack>.<name>}, because one Kafka
 * cluster serves the stacks of many teams: two teams that both call a topic {@code orders} get two topics.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.topicName) || !(self.topicName.startsWith('__') || self.topicName in ['.', '..'])",
        message =
                "topics starting with '__' are Kafka's own (__consumer_offsets, __transaction_state), and Kafka refuses '.' and '..'",
        fieldPath = ".topicName")
public record KafkaTopicSpec(
        @Required
        @Size(min = 1, max = 249)
        @Pattern("^[a-zA-Z0-9._-]+$")
        @JsonPropertyDescription(
                "Name of the topic in the stack: letters, digits, '.', '_' and '-'. Uses refer to it by this name; in Kafka the topic is <namespace>.<stack>.<name> (the KAFKA_TOPIC_<NAME> variable and the binding's topic.<name> key give the service the real name), which must stay within Kafka's 249 characters.")
        String name,

        @Default("1")
        @Min(1)
        @Max(10000)
        @JsonPropertyDescription("Number of partitions. It can grow but never shrink (Kafka cannot remove partitions).")
        Integer partitions,

        @Min(1)
        @Max(32)
        @JsonPropertyDescription("Replication factor. Defaults to the Kafka cluster's default.replication.factor.")
        Integer replicas,

        @Size(max = 64) @JsonPropertyDescription("Topic configuration, for example retention.ms: \"604800000\".")
        Map<String, String> config,

        @Size(min = 1, max = 249)
        @Pattern("^[a-zA-Z0-9._-]+$")
        @JsonPropertyDescription(
                "The topic's name in Kafka when it is not <namespace>.<stack>.<name>: a topic the platform shares between namespaces, or one created before names were scoped. The stack is granted a topic outside its scope only when the operator's setting kafka.sharedTopics lists the topic for the stack's namespace; otherwise the Kafka component says KafkaTopicNotAllowed.")
        String topicName) {

    public KafkaTopicSpec {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public int partitionsOrDefault() {
        return partitions == null ? 1 : partitions;
    }
}
