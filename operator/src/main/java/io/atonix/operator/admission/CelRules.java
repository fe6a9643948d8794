package io.atonix.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the x-kubernetes-validations rules of a CRD's schema on a resource as the API server does: on the
 * defaulted resource, each rule with {@code self} the value at its place, a refusal at that place plus the rule's
 * fieldPath with the rule's message (without the server's {@code Invalid value: "object":}, which says nothing). Transition rules (oldSelf) need the stored object and are left to the server.
 */
public final class CelRules {
    private CelRules() {}

    /** The rules the resource (its JSON, already fitting the schema) breaks. */
    public static List<SpecProblem> problems(JsonNode resource, JSONSchemaProps schema) {
        List<SpecProblem> problems = new ArrayList<>();
        JsonNode defaulted = SchemaDefaults.applied(resource, schema);
        check("", root(defaulted), schema, problems);
        return problems;
    }

    private static void check(String path, JsonNode node, JSONSchemaProps schema, List<SpecProblem> problems) {
        if (node == null || node.isNull() || schema == null) {
            return;
        }
        List<ValidationRule> rules = schema.getXKubernetesValidations();
        if (rules != null && !rules.isEmpty()) {
            Object self = CelValues.of(node);
            rules.stream()
                    .filter(rule -> !rule.getRule().contains("oldSelf"))
                    .forEach(rule -> evaluate(path, node, self, rule, problems));
        }
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        if (node.isObject()) {
            properties.forEach((name, property) -> check(join(path, name), node.get(name), property, problems));
            if (schema.getAdditionalProperties() != null
                    && schema.getAdditionalProperties().getSchema() != null) {
                node.properties()
                        .forEach(field -> check(
                                path + "[" + field.getKey() + "]",
                                field.getValue(),
                                schema.getAdditionalProperties().getSchema(),
                                problems));
            }
        } else if (node.isArray() && schema.getItems() != null) {
            for (int i = 0; i < node.size(); i++) {
                check(path + "[" + i + "]", node.get(i), schema.getItems().getSchema(), problems);
            }
        }
    }

    private static void evaluate(
            String path, JsonNode node, Object self, ValidationRule rule, List<SpecProblem> problems) {
        String field = field(path, rule);
        try {
            if (!CelEnvironment.holds(rule.getRule(), self)) {
                String message = rule.getMessage() != null ? rule.getMessage() : "failed rule: " + rule.getRule();
                problems.add(new SpecProblem(field, value(node, rule) + message));
            }
        } catch (CelEvaluationException | RuntimeException e) {
            problems.add(new SpecProblem(
                    field, "the rule " + rule.getRule() + " could not be evaluated: " + e.getMessage()));
        }
    }

    /**
     * The field a refusal names: the rule's place and its fieldPath. The server names no field for a rule on the whole
     * resource; ours are all about its name, so render names metadata.name.
     */
    private static String field(String path, ValidationRule rule) {
        String field = path + (rule.getFieldPath() == null ? "" : rule.getFieldPath());
        if (field.startsWith(".")) {
            field = field.substring(1);
        }
        return field.isEmpty() ? (rule.getRule().contains("self.metadata.name") ? "metadata.name" : "<nil>") : field;
    }

    /** The value the refusal is about, when it is one a person wrote in a line: {@code 'x': }. */
    private static String value(JsonNode node, ValidationRule rule) {
        String fieldPath = rule.getFieldPath() == null ? "" : rule.getFieldPath();
        JsonNode value = fieldPath.matches("(\\.[A-Za-z0-9_]+)*") ? node.at(fieldPath.replace('.', '/')) : null;
        return value != null && value.isValueNode() && !value.isMissingNode() ? "'" + value.asText() + "': " : "";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** CEL sees only the name and generateName of a resource's metadata. */
    private static JsonNode root(JsonNode resource) {
        if (!(resource instanceof ObjectNode object) || !object.path("metadata").isObject()) {
            return resource;
        }
        ObjectNode metadata = object.objectNode();
        for (String visible : List.of("name", "generateName")) {
            if (object.path("metadata").has(visible)) {
                metadata.set(visible, object.path("metadata").get(visible));
            }
        }
        ObjectNode copy = object.deepCopy();
        copy.set("metadata", metadata);
        return copy;
    }
}
