package io.atonix.operator.kafka;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform team's allow-list of topics outside every stack's own scope, each with the namespaces whose stacks may
 * be granted it (or {@code *}): a topic shared on purpose, such as an audit stream, or one named before names were
 * scoped. Written {@code topic:ns1,ns2;other-topic:*} (chart value {@code kafka.sharedTopics}).
 */
public record SharedTopics(Map<String, Set<String>> namespacesByTopic) {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern NAMESPACE = Pattern.compile("\\*|[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public SharedTopics {
        namespacesByTopic = Map.copyOf(namespacesByTopic);
    }

    public static SharedTopics none() {
        return new SharedTopics(Map.of());
    }

    /** Reads the setting; a malformed entry is refused with what is wrong, so the operator does not start half-configured. */
    public static SharedTopics parse(String setting) {
        Map<String, Set<String>> topics = new TreeMap<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String topic = colon < 0 ? "" : entry.substring(0, colon).trim();
            Set<String> namespaces = colon < 0
                    ? Set.of()
                    : Arrays.stream(entry.substring(colon + 1).split(","))
                            .map(String::trim)
                            .filter(n -> !n.isEmpty())
                            .collect(Collectors.toUnmodifiableSet());
            if (!TOPIC.matcher(topic).matches()
                    || namespaces.isEmpty()
                    || !namespaces.stream().allMatch(n -> NAMESPACE.matcher(n).matches())) {
                throw new IllegalArgumentException("kafka shared topics: '" + entry.trim()
                        + "' is not <topic>:<namespace>[,<namespace>...] (or <topic>:*)");
            }
            topics.merge(topic, namespaces, (a, b) -> Set.copyOf(union(a, b)));
        }
        return new SharedTopics(topics);
    }

    /** Whether stacks of the namespace may be granted the topic although it lies outside their scope. */
    public boolean allows(String topic, String stackNamespace) {
        Set<String> namespaces = namespacesByTopic.get(topic);
        return namespaces != null && (namespaces.contains("*") || namespaces.contains(stackNamespace));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
