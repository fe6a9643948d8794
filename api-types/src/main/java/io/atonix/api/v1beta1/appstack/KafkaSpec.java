package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.topics) || self.topics.all(a, self.topics.exists_one(b, b.name == a.name))",
        message = "topic names must be unique")
@ValidationRule(
        value =
                "!has(self.topics) || self.topics.all(a, self.topics.exists_one(b, b.name.upperAscii().replace('.', '_').replace('-', '_') == a.name.upperAscii().replace('.', '_').replace('-', '_')))",
        message =
                "topic names must differ in more than case, '.', '-' and '_': each names the variable KAFKA_TOPIC_<NAME>, and Kafka's metric names do not tell '.' from '_'")
@ValidationRule(
        value =
                "!has(self.topics) || self.topics.all(a, !has(a.topicName) || self.topics.exists_one(b, has(b.topicName) && b.topicName == a.topicName))",
        message = "two topics of the stack cannot name the same topicName")
@ValidationRule(
        value =
                "!has(self.topics) || !has(oldSelf.topics) || self.topics.all(t, oldSelf.topics.all(o, o.name != t.name || !has(o.partitions) || (has(t.partitions) && t.partitions >= o.partitions)))",
        message = "the partitions of a topic cannot decrease")
public record KafkaSpec(
        @Required
        @JsonPropertyDescription(
                "The Strimzi Kafka cluster the stack's topics and users live in. A cluster in another namespace must admit the stack's namespace in its annotation atonix.io/allowed-namespaces.")
        KafkaClusterRef clusterRef,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Topics the stack owns. A topic removed from this list is detached from management, not deleted, unless deletionPolicy is Delete.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<KafkaTopicSpec> topics) {

    public KafkaSpec {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
