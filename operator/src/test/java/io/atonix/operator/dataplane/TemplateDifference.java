package io.atonix.operator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where two pod templates differ in meaning: lists whose items all carry a name (containers, env, volumes, mounts,
 * ports) are compared by name, not by position, so that a template written in another order differs in nothing.
 */
final class TemplateDifference {
    private TemplateDifference() {}

    /** The paths whose values differ, for example {@code spec.containers[metrics].livenessProbe.httpGet.path}. */
    static List<String> between(JsonNode before, JsonNode after) {
        Map<String, String> a = new TreeMap<>();
        Map<String, String> b = new TreeMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            if (!String.valueOf(a.get(path)).equals(String.valueOf(b.get(path)))) {
                differences.add(path + ": " + a.get(path) + " -> " + b.get(path));
            }
        }
        return differences;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            boolean named = node.size() > 0;
            for (JsonNode item : node) {
                named &= item.isObject() && item.hasNonNull("name");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                flatten(path + "[" + (named ? item.get("name").asText() : String.valueOf(i)) + "]", item, into);
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            into.put(path, node.asText());
        }
    }
}
