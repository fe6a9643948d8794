package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KafkaUse(
        @Size(max = 16)
        @JsonPropertyDescription("Topics the service writes to; each must be declared in spec.kafka.topics.")
        @ListType(ListType.Kind.set)
        List<@Size(max = 249) String> produce,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Topics the service reads, as the consumer group <namespace>.<stack>.<service> (in KAFKA_CONSUMER_GROUP), the only group it may use; each must be declared in spec.kafka.topics.")
        @ListType(ListType.Kind.set)
        List<@Size(max = 249) String> consume) {

    public KafkaUse {
        produce = produce == null ? List.of() : List.copyOf(produce);
        consume = consume == null ? List.of() : List.copyOf(consume);
    }
}
