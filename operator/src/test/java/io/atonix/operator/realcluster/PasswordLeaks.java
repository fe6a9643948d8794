package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds passwords, in any of their {@link PasswordForms}, in objects of the API server (every string of their JSON,
 * keys included) and in a log file. A finding says where (the object and the JSON path, or the line number), whose
 * password (its origin) and in which form: never the password.
 */
public final class PasswordLeaks {
    /** One place where a password stands. */
    public record Leak(String where, String origin, String form) {
        @Override
        public String toString() {
            return where + ": " + origin + ", " + form;
        }
    }

    private record Needle(String text, String origin, String form) {}

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]+");
    private final List<Needle> needles = new ArrayList<>();

    /** @param origins each password, mapped to where it came from */
    public PasswordLeaks(Map<String, String> origins) {
        origins.forEach((password, origin) ->
                PasswordForms.of(password).forEach((text, form) -> needles.add(new Needle(text, origin, form))));
    }

    /** The passwords in the objects. */
    public List<Leak> in(List<ServedObjects.Found> objects) {
        List<Leak> leaks = new ArrayList<>();
        for (ServedObjects.Found object : objects) {
            walk(object.json(), "", object.where(), leaks);
        }
        return leaks;
    }

    /** The passwords in the lines of a log file. */
    public List<Leak> inLog(Path log) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            check(lines.get(i), log.getFileName() + " line " + (i + 1), leaks);
        }
        return leaks;
    }

    private void walk(JsonNode node, String path, String object, List<Leak> leaks) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path
                        + (PLAIN_KEY.matcher(field.getKey()).matches()
                                ? "." + field.getKey()
                                : "[\"" + field.getKey() + "\"]");
                check(field.getKey(), object + " at the key " + child, leaks);
                walk(field.getValue(), child, object, leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", object, leaks);
            }
        } else if (node.isTextual()) {
            check(node.asText(), object + " at " + (path.isEmpty() ? "." : path), leaks);
        }
    }

    /** One finding per password and place: the first of its forms that the text holds. */
    private void check(String text, String where, List<Leak> leaks) {
        String reported = null;
        for (Needle needle : needles) {
            if (!needle.origin().equals(reported) && text.contains(needle.text())) {
                leaks.add(new Leak(where, needle.origin(), needle.form()));
                reported = needle.origin();
            }
        }
    }
}
