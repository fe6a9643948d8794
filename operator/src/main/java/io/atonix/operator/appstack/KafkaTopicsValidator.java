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
import java.util.regex.Pattern;

/** The rules of spec.kafka.topics, the same the CRD schema and its CEL rules enforce in a cluster. */
final class KafkaTopicsValidator {
    /** Kafka's own characters; "." and ".." are refused by Kafka although the characters are allowed. */
    private static final Pattern TOPIC_CHARACTERS = Pattern.compile("^[a-zA-Z0-9._-]+$");
    /** Kafka's limit; whether the name with the stack's scope stays within it is the controller's to say. */
    private static final int MAX_TOPIC_NAME = 249;

    private KafkaTopicsValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        if (spec.kafka() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        Map<String, String> variables = new HashMap<>();
        Set<String> topicNames = new HashSet<>();
        for (int t = 0; t < spec.kafka().topics().size(); t++) {
            KafkaTopicSpec topic = spec.kafka().topics().get(t);
            String field = "spec.kafka.topics[" + t + "]";
            if (!valid(topic.name(), MAX_TOPIC_NAME)) {
                problems.add(new SpecProblem(
                        field + ".name",
                        "'" + topic.name() + "' is not a Kafka topic name: 1 to " + MAX_TOPIC_NAME
                                + " letters, digits, '.', '_' and '-', and not '.' or '..'"));
            } else if (!names.add(topic.name())) {
                problems.add(new SpecProblem(field + ".name", "topic '" + topic.name() + "' is declared twice"));
            } else {
                String before = variables.putIfAbsent(KafkaBinding.topicVariable(topic.name()), topic.name());
                if (before != null) {
                    problems.add(new SpecProblem(
                            field + ".name",
                            "topics '" + before + "' and '" + topic.name()
                                    + "' differ only in case, '.', '-' or '_': both would set "
                                    + KafkaBinding.topicVariable(topic.name())
                                    + ", and Kafka's metric names do not tell '.' from '_'"));
                }
            }
            if (topic.topicName() != null && !valid(topic.topicName(), MAX_TOPIC_NAME)) {
                problems.add(new SpecProblem(
                        field + ".topicName",
                        "'" + topic.topicName() + "' is not a Kafka topic name: 1 to " + MAX_TOPIC_NAME
                                + " letters, digits, '.', '_' and '-', and not '.' or '..'"));
            } else if (topic.topicName() != null && topic.topicName().startsWith("__")) {
                problems.add(
                        new SpecProblem(
                                field + ".topicName",
                                "'" + topic.topicName()
                                        + "': topics starting with '__' are Kafka's own (__consumer_offsets, __transaction_state)"));
            } else if (topic.topicName() != null && !topicNames.add(topic.topicName())) {
                problems.add(new SpecProblem(
                        field + ".topicName", "topic '" + topic.topicName() + "' is named by two topics of the stack"));
            }
        }
    }

    private static boolean valid(String name, int maxLength) {
        return name != null
                && name.length() <= maxLength
                && TOPIC_CHARACTERS.matcher(name).matches()
                && !".".equals(name)
                && !"..".equals(name);
    }
}
