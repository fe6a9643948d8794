package io.atonix.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.api.schema.Quantities;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a resource against its CRD's OpenAPI schema as the API server does: types, required fields, ranges, lengths,
 * patterns, enums, list sizes and the uniqueness of sets and keyed lists, each refusal with the field's path and a
 * message in the server's words. Unknown fields are left to the strict reader, which names the known ones.
 */
public final class SchemaCheck {

    private SchemaCheck() {}

    public static List<SpecProblem> problems(JsonNode resource, JSONSchemaProps schema) {
        List<SpecProblem> problems = new ArrayList<>();
        JSONSchemaProps spec = schema.getProperties().get("spec");
        if (spec != null) {
            check("spec", resource.get("spec"), spec, problems);
        }
        return problems;
    }

    private static void check(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        if (node == null || node.isNull()) {
            return;
        }
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            if (!node.isIntegralNumber() && !node.isTextual()) {
                problems.add(invalid(path, node, "must be an integer or a string"));
            } else if (node.isTextual()) {
                text(path, node, schema, problems);
            }
            return;
        }
        String type = schema.getType() == null ? "" : schema.getType();
        switch (type) {
            case "object" -> object(path, node, schema, problems);
            case "array" -> array(path, node, schema, problems);
            case "string" -> {
                if (node.isTextual()) {
                    text(path, node, schema, problems);
                } else {
                    problems.add(invalid(
                            path,
                            node,
                            "must be of type string"
                                    + (node.isNumber()
                                            ? " (quote it in YAML: 16.10 unquoted is the number 16.1)"
                                            : "")));
                }
            }
            case "integer" -> {
                if (node.isIntegralNumber()) {
                    range(path, node, schema, problems);
                } else {
                    problems.add(invalid(path, node, "must be of type integer"));
                }
            }
            case "number" -> {
                if (node.isNumber()) {
                    range(path, node, schema, problems);
                } else {
                    problems.add(invalid(path, node, "must be of type number"));
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    problems.add(invalid(path, node, "must be of type boolean"));
                }
            }
            default -> {}
        }
        enumerated(path, node, schema, problems);
    }

    private static void object(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        if (!node.isObject()) {
            problems.add(invalid(path, node, "must be of type object"));
            return;
        }
        for (String required : schema.getRequired() == null ? List.<String>of() : schema.getRequired()) {
            if (node.get(required) == null || node.get(required).isNull()) {
                problems.add(new SpecProblem(path + "." + required, "Required value"));
            }
        }
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        JSONSchemaProps values = schema.getAdditionalProperties() == null
                ? null
                : schema.getAdditionalProperties().getSchema();
        node.fields().forEachRemaining(field -> {
            JSONSchemaProps property = properties.get(field.getKey());
            if (property != null) {
                check(path + "." + field.getKey(), field.getValue(), property, problems);
            } else if (values != null) {
                check(path + "[" + field.getKey() + "]", field.getValue(), values, problems);
            }
        });
        if (schema.getMaxProperties() != null && node.size() > schema.getMaxProperties()) {
            problems.add(new SpecProblem(
                    path, "Too many: " + node.size() + ": must have at most " + schema.getMaxProperties() + " items"));
        }
    }

    private static void array(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        if (!node.isArray()) {
            problems.add(invalid(path, node, "must be of type array"));
            return;
        }
        if (schema.getMaxItems() != null && node.size() > schema.getMaxItems()) {
            problems.add(new SpecProblem(
                    path, "Too many: " + node.size() + ": must have at most " + schema.getMaxItems() + " items"));
        }
        if (schema.getMinItems() != null && node.size() < schema.getMinItems()) {
            problems.add(
                    new SpecProblem(path, "Invalid value: should have at least " + schema.getMinItems() + " items"));
        }
        JSONSchemaProps items =
                schema.getItems() == null ? null : schema.getItems().getSchema();
        List<String> keys = schema.getXKubernetesListMapKeys();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (items != null) {
                check(path + "[" + i + "]", item, items, problems);
            }
            String identity = "set".equals(schema.getXKubernetesListType())
                    ? item.toString()
                    : "map".equals(schema.getXKubernetesListType()) && keys != null ? key(item, keys) : null;
            if (identity != null && !seen.add(identity)) {
                problems.add(new SpecProblem(path + "[" + i + "]", "Duplicate value: " + identity));
            }
        }
    }

    private static String key(JsonNode item, List<String> keys) {
        StringBuilder key = new StringBuilder();
        for (String name : keys) {
            key.append(key.isEmpty() ? "" : ", ").append(name).append('=').append(item.path(name));
        }
        return "{" + key + "}";
    }

    private static void text(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        String value = node.asText();
        int length = value.codePointCount(0, value.length());
        if (schema.getMaxLength() != null && length > schema.getMaxLength()) {
            problems.add(
                    new SpecProblem(path, "Too long: may not be more than " + schema.getMaxLength() + " characters"));
        }
        if (schema.getMinLength() != null && length < schema.getMinLength()) {
            problems.add(invalid(path, node, "should be at least " + schema.getMinLength() + " characters long"));
        }
        // The API server's regular expressions match anywhere in the value, as Go's MatchString does.
        if (schema.getPattern() != null
                && !Pattern.compile(schema.getPattern()).matcher(value).find()) {
            problems.add(invalid(
                    path,
                    node,
                    Quantities.NON_NEGATIVE.equals(schema.getPattern())
                            ? "is not a non-negative Kubernetes quantity (for example 250m, 1.5, 512Mi, 10Gi)"
                            : "should match '" + schema.getPattern() + "'"));
        }
    }

    private static void range(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        double value = node.asDouble();
        if (schema.getMinimum() != null && value < schema.getMinimum()) {
            problems.add(invalid(path, node, "should be greater than or equal to " + number(schema.getMinimum())));
        }
        if (schema.getMaximum() != null && value > schema.getMaximum()) {
            problems.add(invalid(path, node, "should be less than or equal to " + number(schema.getMaximum())));
        }
    }

    private static void enumerated(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        if (schema.getEnum() == null || schema.getEnum().isEmpty()) {
            return;
        }
        List<String> allowed = schema.getEnum().stream().map(JsonNode::asText).toList();
        if (!allowed.contains(node.asText())) {
            problems.add(new SpecProblem(
                    path,
                    "Unsupported value: " + node + ": supported values: \"" + String.join("\", \"", allowed) + "\""));
        }
    }

    private static SpecProblem invalid(String path, JsonNode node, String rule) {
        return new SpecProblem(path, "Invalid value: " + node + ": " + rule);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
