package io.atonix.benchmark.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the operator should create for the stacks: exactly what {@code ./atonix render} prints for them, and for the
 * Atonix resources among that (the child Postgres and Redis), which runs the builders the controllers use. Whatever
 * the operator learns to create, render prints, and the benchmark follows without being edited.
 */
public final class DesiredState {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ATONIX_GROUP = "atonix.io";
    private final List<HasMetadata> objects;
    private final Map<ObjectKey, JsonNode> byKey = new LinkedHashMap<>();

    private DesiredState(List<HasMetadata> objects, KubernetesSerialization serialization) {
        this.objects = List.copyOf(objects);
        for (HasMetadata object : objects) {
            byKey.put(ObjectKey.of(object), serialization.convertValue(object, JsonNode.class));
        }
    }

    /**
     * Runs {@code ./atonix render} on the stacks, in the repository at root, and again on the Atonix resources it
     * printed (the child Postgres and Redis), whose own controllers make their StatefulSets, Secrets, Services and
     * ServiceMonitors; the output of every pass is kept in work.
     */
    public static DesiredState render(Path root, BenchStacks stacks, Path work, KubernetesSerialization serialization)
            throws IOException, InterruptedException {
        Path input = work.resolve("stacks-" + stacks.count() + ".yaml");
        Files.writeString(input, stacks.yaml());
        List<HasMetadata> objects = new ArrayList<>();
        for (int pass = 1; input != null; pass++) {
            String suffix = stacks.count() + (pass == 1 ? "" : "-pass" + pass);
            List<HasMetadata> printed = render(
                    root,
                    input,
                    work.resolve("rendered-" + suffix + ".yaml"),
                    work.resolve("render-" + suffix + ".err"),
                    serialization);
            objects.addAll(printed);
            List<HasMetadata> atonix = printed.stream()
                    .filter(o -> o.getApiVersion().startsWith(ATONIX_GROUP + "/"))
                    .toList();
            input = null;
            if (!atonix.isEmpty()) {
                input = work.resolve("children-" + suffix + ".yaml");
                StringBuilder yaml = new StringBuilder();
                atonix.forEach(o -> yaml.append(serialization.asYaml(o)));
                Files.writeString(input, yaml);
            }
        }
        return new DesiredState(objects, serialization);
    }

    private static List<HasMetadata> render(
            Path root, Path input, Path output, Path errors, KubernetesSerialization serialization)
            throws IOException, InterruptedException {
        Process render = new ProcessBuilder(root.resolve("atonix").toString(), "render", input.toString())
                .directory(root.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (render.waitFor() != 0) {
            throw new IllegalStateException("./atonix render " + input + " failed:\n" + Files.readString(errors));
        }
        List<HasMetadata> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(output);
                MappingIterator<JsonNode> documents =
                        YAML.readerFor(JsonNode.class).readValues(reader)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isEmpty()) {
                    // Typed where fabric8 knows the kind, generic otherwise (Atonix, Strimzi, Prometheus Operator
                    // kinds).
                    objects.add((HasMetadata) serialization.convertValue(document, KubernetesResource.class));
                }
            }
        }
        return objects;
    }

    /** In the order render prints them: the order a person would apply them in. */
    public List<HasMetadata> objects() {
        return objects;
    }

    public Map<ObjectKey, JsonNode> byKey() {
        return Collections.unmodifiableMap(byKey);
    }

    /** The kinds render prints, one representative object each: the tracker watches these. */
    public Map<String, HasMetadata> kinds() {
        Map<String, HasMetadata> kinds = new LinkedHashMap<>();
        for (HasMetadata object : objects) {
            kinds.putIfAbsent(object.getApiVersion() + "/" + object.getKind(), object);
        }
        return kinds;
    }

    public Set<String> apiVersionsOf(String group) {
        Set<String> versions = new LinkedHashSet<>();
        for (HasMetadata object : objects) {
            String apiVersion = object.getApiVersion();
            if (apiVersion.startsWith(group + "/")) {
                versions.add(apiVersion.substring(group.length() + 1));
            }
        }
        return versions;
    }

    /** The objects of one stack: those in its namespace, and those elsewhere labelled with its name. */
    public List<HasMetadata> of(BenchStacks stacks, int index) {
        String namespace = stacks.namespace(index);
        String name = stacks.name(index);
        return objects.stream()
                .filter(o -> namespace.equals(o.getMetadata().getNamespace())
                        || name.equals(label(o, "app.kubernetes.io/part-of")))
                .toList();
    }

    public int size() {
        return objects.size();
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
