package io.atonix.api.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a schema change would break for resources written against the released schema: a field that is gone or
 * changed its type, an enum value, a list type or a default that changed, a field that became required, bounds that
 * tightened, a pattern that changed. Adding optional fields, enum values and looser bounds is compatible.
 */
final class SchemaCompatibility {
    private final List<String> breaks = new ArrayList<>();

    static List<String> breaks(String path, JSONSchemaProps released, JSONSchemaProps current) {
        SchemaCompatibility check = new SchemaCompatibility();
        check.compare(path, released, current);
        return check.breaks;
    }

    private void compare(String path, JSONSchemaProps released, JSONSchemaProps current) {
        if (current == null) {
            breaks.add(path + ": removed");
            return;
        }
        same(path, "type", released.getType(), current.getType());
        same(
                path,
                "x-kubernetes-int-or-string",
                released.getXKubernetesIntOrString(),
                current.getXKubernetesIntOrString());
        same(path, "x-kubernetes-list-type", released.getXKubernetesListType(), current.getXKubernetesListType());
        same(
                path,
                "x-kubernetes-list-map-keys",
                released.getXKubernetesListMapKeys(),
                current.getXKubernetesListMapKeys());
        same(path, "default", released.getDefault(), current.getDefault());
        same(path, "pattern", released.getPattern(), current.getPattern());
        same(path, "format", released.getFormat(), current.getFormat());
        if (current.getEnum() != null) {
            List<JsonNode> before = released.getEnum() == null ? List.of() : released.getEnum();
            if (released.getEnum() == null || !current.getEnum().containsAll(before)) {
                breaks.add(path + ": enum narrowed from " + released.getEnum() + " to " + current.getEnum());
            }
        }
        notLower(path, "maxLength", released.getMaxLength(), current.getMaxLength());
        notLower(path, "maxItems", released.getMaxItems(), current.getMaxItems());
        notLower(path, "maxProperties", released.getMaxProperties(), current.getMaxProperties());
        notLower(path, "maximum", released.getMaximum(), current.getMaximum());
        notHigher(path, "minLength", released.getMinLength(), current.getMinLength());
        notHigher(path, "minItems", released.getMinItems(), current.getMinItems());
        notHigher(path, "minimum", released.getMinimum(), current.getMinimum());
        Map<String, JSONSchemaProps> before = released.getProperties() == null ? Map.of() : released.getProperties();
        List<String> required = released.getRequired() == null ? List.of() : released.getRequired();
        if (current.getRequired() != null) {
            current.getRequired().stream()
                    .filter(field -> !required.contains(field))
                    .forEach(field -> breaks.add(path + "." + field + ": newly required"));
        }
        before.forEach((name, schema) -> compare(
                path + "." + name,
                schema,
                current.getProperties() == null ? null : current.getProperties().get(name)));
        if (released.getItems() != null && released.getItems().getSchema() != null) {
            compare(
                    path + "[]",
                    released.getItems().getSchema(),
                    current.getItems() == null ? null : current.getItems().getSchema());
        }
        if (released.getAdditionalProperties() != null
                && released.getAdditionalProperties().getSchema() != null) {
            compare(
                    path + "{}",
                    released.getAdditionalProperties().getSchema(),
                    current.getAdditionalProperties() == null
                            ? null
                            : current.getAdditionalProperties().getSchema());
        }
    }

    private void same(String path, String what, Object released, Object current) {
        if (!Objects.equals(released, current)) {
            breaks.add(path + ": " + what + " changed from " + released + " to " + current);
        }
    }

    private void notLower(String path, String what, Number released, Number current) {
        if (current != null && (released == null || current.doubleValue() < released.doubleValue())) {
            breaks.add(path + ": " + what + " tightened from " + released + " to " + current);
        }
    }

    private void notHigher(String path, String what, Number released, Number current) {
        if (current != null && (released == null || current.doubleValue() > released.doubleValue())) {
            breaks.add(path + ": " + what + " tightened from " + released + " to " + current);
        }
    }
}
