package io.atonix.operator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.operator.admission.CrdSchemas;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Invalid resources generated from the CRDs themselves: for every constraint of the schema that a sample's field is
 * under (a pattern, a length, an enum, a range, a list size, a required field, a type), the sample with just that field
 * broken. render (RenderRefusesWhatTheServerRefusesTest) and a real API server (SchemaIT) must both refuse each, naming
 * the field, so that neither can drift from the schema unnoticed.
 */
public final class SchemaMutations {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String NOT_A_NAME = "Not a valid value!";

    /** One broken sample: what was broken, the field the refusal must name, and the resource. */
    public record Mutation(String name, String field, JsonNode resource) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Mutation> mutations = new ArrayList<>();

    private SchemaMutations() {}

    /** The mutations of every resource of every sample under {@code samples}. */
    public static List<Mutation> ofSamples(Path samples) throws IOException {
        SchemaMutations all = new SchemaMutations();
        try (var files = Files.list(samples)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (JsonNode resource : YAML.readValues(YAML.createParser(in), JsonNode.class)
                            .readAll()) {
                        if (resource != null && resource.has("spec")) {
                            JSONSchemaProps schema = CrdSchemas.of(plural(resource), "v1beta1");
                            all.walk(
                                    file.getFileName() + " ",
                                    resource,
                                    "spec",
                                    schema.getProperties().get("spec"));
                        }
                    }
                }
            }
        }
        return all.mutations;
    }

    private void walk(String sample, JsonNode resource, String path, JSONSchemaProps schema) {
        JsonNode node = at(resource, path);
        if (node == null || schema == null) {
            return;
        }
        String where = sample + path;
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            if (schema.getPattern() != null) {
                add(where + " breaks its pattern", path, resource, n -> new TextNode("-1"));
            }
            return;
        }
        String type = schema.getType() == null ? "" : schema.getType();
        switch (type) {
            case "string" -> strings(where, resource, path, schema);
            case "integer" -> {
                add(where + " is text", path, resource, n -> new TextNode("x"));
                if (schema.getMinimum() != null) {
                    add(
                            where + " below its minimum",
                            path,
                            resource,
                            n -> new IntNode(schema.getMinimum().intValue() - 1));
                }
                if (schema.getMaximum() != null) {
                    add(
                            where + " above its maximum",
                            path,
                            resource,
                            n -> new IntNode(schema.getMaximum().intValue() + 1));
                }
            }
            case "array" -> {
                if (schema.getMaxItems() != null && !node.isEmpty() && schema.getMaxItems() <= 64) {
                    add(where + " over its maximum items", path, resource, n -> {
                        ArrayNode longer = ((ArrayNode) n).deepCopy();
                        while (longer.size() <= schema.getMaxItems()) {
                            longer.add(n.get(n.size() - 1).deepCopy());
                        }
                        return longer;
                    });
                }
                JSONSchemaProps items =
                        schema.getItems() == null ? null : schema.getItems().getSchema();
                for (int i = 0; i < node.size(); i++) {
                    walk(sample, resource, path + "[" + i + "]", items);
                }
            }
            case "object" -> {
                for (String required : schema.getRequired() == null ? List.<String>of() : schema.getRequired()) {
                    if (node.has(required)) {
                        mutations.add(new Mutation(
                                where + " without its required " + required,
                                path + "." + required,
                                without(resource, path, required)));
                    }
                }
                Map<String, JSONSchemaProps> properties =
                        schema.getProperties() == null ? Map.of() : schema.getProperties();
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    walk(sample, resource, path + "." + name, properties.get(name));
                }
            }
            default -> {}
        }
    }

    private void strings(String where, JsonNode resource, String path, JSONSchemaProps schema) {
        add(where + " is a number", path, resource, n -> new IntNode(1));
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            add(where + " outside its enum", path, resource, n -> new TextNode("NotOneOfThem"));
        }
        if (schema.getMaxLength() != null) {
            add(
                    where + " over its maximum length",
                    path,
                    resource,
                    n -> new TextNode("a".repeat(schema.getMaxLength().intValue() + 1)));
        }
        if (schema.getPattern() != null
                && !Pattern.compile(schema.getPattern()).matcher(NOT_A_NAME).find()) {
            add(where + " breaks its pattern", path, resource, n -> new TextNode(NOT_A_NAME));
        }
    }

    private void add(String name, String path, JsonNode resource, UnaryOperator<JsonNode> change) {
        JsonNode copy = resource.deepCopy();
        JsonNode old = at(copy, path);
        replace(copy, path, change.apply(old));
        mutations.add(new Mutation(name, path, copy));
    }

    private static JsonNode without(JsonNode resource, String path, String field) {
        JsonNode copy = resource.deepCopy();
        ((ObjectNode) at(copy, path)).remove(field);
        return copy;
    }

    /** The node at a field path such as spec.services[0].name. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            node = node.get(name);
            while (node != null && bracket >= 0) {
                int close = step.indexOf(']', bracket);
                node = node.get(Integer.parseInt(step.substring(bracket + 1, close)));
                bracket = step.indexOf('[', close);
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        if (bracket > dot) {
            ArrayNode list = (ArrayNode) at(root, path.substring(0, bracket));
            list.set(Integer.parseInt(path.substring(bracket + 1, path.length() - 1)), value);
        } else {
            ((ObjectNode) at(root, path.substring(0, dot))).set(path.substring(dot + 1), value);
        }
    }

    private static String plural(JsonNode resource) {
        return switch (resource.path("kind").asText()) {
            case "AppStack" -> "appstacks";
            case "Postgres" -> "postgreses";
            default -> "redises";
        };
    }
}
