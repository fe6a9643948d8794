package io.atonix.operator.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Operations of a JSON patch (RFC 6902) that set a whole field. Lists are replaced, never merged: a merge patch of
 * owner references is a replacement on the API server but a concatenation on fabric8's mock server.
 */
final class JsonPatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPatch() {}

    /** Sets the field at {@code path} to {@code value}; removes it when the value is empty; nothing when both are. */
    static Map<String, Object> set(String path, Object value, boolean exists) {
        boolean empty = value == null
                || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof List<?> list && list.isEmpty());
        if (empty) {
            return exists ? Map.of("op", "remove", "path", path) : Map.of();
        }
        return Map.of("op", "add", "path", path, "value", value);
    }

    /** Sets one annotation, or removes it when {@code value} is null; nothing when it already is so. */
    static Map<String, Object> annotation(Map<String, String> annotations, String key, String value) {
        if (annotations == null || annotations.isEmpty()) {
            return value == null
                    ? Map.of()
                    : Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of(key, value));
        }
        String path = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
        if (value == null) {
            return annotations.containsKey(key) ? Map.of("op", "remove", "path", path) : Map.of();
        }
        return Map.of("op", "add", "path", path, "value", value);
    }

    static String json(List<Map<String, Object>> operations) {
        try {
            return JSON.writeValueAsString(
                    operations.stream().filter(o -> !o.isEmpty()).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
