package io.atonix.benchmark.stacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The N stacks of one run: stack i is {@code shop-i} in namespace {@code bench-i}, made from the appstack.yaml
 * template. Every stack uses the Strimzi cluster {@code kafka/events}, which the benchmark creates.
 */
public record BenchStacks(int count) {
    public static final String KAFKA_NAMESPACE = "kafka";
    public static final String KAFKA_CLUSTER = "events";
    private static final String TEMPLATE = template();

    public BenchStacks {
        if (count < 1 || count > 9999) {
            throw new IllegalArgumentException("between 1 and 9999 stacks, not " + count);
        }
    }

    public String namespace(int index) {
        return "bench-" + number(index);
    }

    public String name(int index) {
        return "shop-" + number(index);
    }

    /** "namespace/name", the form the operator logs a reconcile in. */
    public String key(int index) {
        return namespace(index) + "/" + name(index);
    }

    public List<Integer> indexes() {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    public List<String> keys() {
        return indexes().stream().map(this::key).toList();
    }

    /** Every namespace the stacks and the Kafka cluster live in. */
    public List<String> namespaces() {
        List<String> namespaces =
                new ArrayList<>(indexes().stream().map(this::namespace).toList());
        namespaces.add(KAFKA_NAMESPACE);
        return namespaces;
    }

    public String yaml(int index) {
        return TEMPLATE.replace("{index}", number(index));
    }

    /** All stacks as one multi-document YAML file. */
    public String yaml() {
        StringBuilder all = new StringBuilder();
        for (int index : indexes()) {
            all.append("---\n").append(yaml(index));
        }
        return all.toString();
    }

    private static String number(int index) {
        return String.format("%04d", index);
    }

    private static String template() {
        try (InputStream in = BenchStacks.class.getResourceAsStream("/appstack.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
