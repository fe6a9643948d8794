package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.common.SpecProblem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which topic breaks one of the CRD's rules on spec.kafka as a whole (two topics that set the same variable, two that
 * name the same topic in Kafka): the CEL rule can only name spec.kafka, this names the topic.
 */
final class KafkaTopicsValidator {
    private KafkaTopicsValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        if (spec.kafka() == null) {
            return;
        }
        Map<String, String> variables = new HashMap<>();
        Set<String> topicNames = new HashSet<>();
        for (int t = 0; t < spec.kafka().topics().size(); t++) {
            KafkaTopicSpec topic = spec.kafka().topics().get(t);
            String field = "spec.kafka.topics[" + t + "]";
            String before = topic.name() == null
                    ? null
                    : variables.putIfAbsent(KafkaBinding.topicVariable(topic.name()), topic.name());
            if (before != null && !before.equals(topic.name())) {
                problems.add(new SpecProblem(
                        field + ".name",
                        "topics '" + before + "' and '" + topic.name()
                                + "' differ only in case, '.', '-' or '_': both would set "
                                + KafkaBinding.topicVariable(topic.name())
                                + ", and Kafka's metric names do not tell '.' from '_'"));
            }
            if (topic.topicName() != null && !topicNames.add(topic.topicName())) {
                problems.add(new SpecProblem(
                        field + ".topicName", "topic '" + topic.topicName() + "' is named by two topics of the stack"));
            }
        }
    }
}
