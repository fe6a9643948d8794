package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KafkaTopicSpec(
        @Required
        @Size(min = 1, max = 249)
        @Pattern("^[a-zA-Z0-9._-]+$")
        @JsonPropertyDescription("Name of the topic in Kafka: letters, digits, '.', '_' and '-'.")
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
        Map<String, String> config) {

    public KafkaTopicSpec {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public int partitionsOrDefault() {
        return partitions == null ? 1 : partitions;
    }
}
