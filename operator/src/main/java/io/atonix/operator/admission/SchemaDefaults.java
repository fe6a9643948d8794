package io.atonix.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.Map;

/**
 * Fills in the defaults of a CRD's schema as the API server does before it evaluates the CEL rules: a rule sees a
 * defaulted field as set. Works on a copy; the resource a person wrote is left as it is.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {}

    public static JsonNode applied(JsonNode resource, JSONSchemaProps schema) {
        JsonNode copy = resource.deepCopy();
        apply(copy, schema);
        return copy;
    }

    private static void apply(JsonNode node, JSONSchemaProps schema) {
        if (node == null || schema == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            Map<String, JSONSchemaProps> properties =
                    schema.getProperties() == null ? Map.of() : schema.getProperties();
            properties.forEach((name, property) -> {
                if ((!object.has(name) || object.get(name).isNull()) && property.getDefault() != null) {
                    object.set(name, property.getDefault().deepCopy());
                }
                apply(object.get(name), property);
            });
            if (schema.getAdditionalProperties() != null
                    && schema.getAdditionalProperties().getSchema() != null) {
                object.forEach(
                        value -> apply(value, schema.getAdditionalProperties().getSchema()));
            }
        } else if (node.isArray() && schema.getItems() != null) {
            node.forEach(item -> apply(item, schema.getItems().getSchema()));
        }
    }
}
