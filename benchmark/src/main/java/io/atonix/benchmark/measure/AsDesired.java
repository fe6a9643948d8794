package io.atonix.benchmark.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a stored object is as desired: every field of the rendered object is there with the same value. The
 * server may add fields (defaults, status, uid, owner uids render cannot know), which is the rule the operator's
 * own drift check follows. What render cannot know is only required to be there:
 * <ul>
 * <li>the desired-hash annotation and a pod template's config-hash annotation (the operator hashes an object with its
 * owner's uid), and a pod template's acl-hash and credentials-checksum annotations (of generated passwords);</li>
 * <li>the parts of a value render prints as a placeholder in angle brackets, such as
 * {@code <generated when the Secret is created>} inside a connection URI;</li>
 * <li>the values of a Secret: generated credentials, and what is derived from them (a Redis ACL file holds password
 * hashes). Its keys must all be there, in {@code data} or {@code stringData} (a real API server moves the latter into
 * the former).</li>
 * </ul>
 */
final class AsDesired {
    private static final Set<String> PRESENCE_ONLY = Set.of(
            ".metadata.annotations.atonix.io/desired-hash",
            ".spec.template.metadata.annotations.atonix.io/config-hash",
            ".spec.template.metadata.annotations.atonix.io/acl-hash",
            ".spec.template.metadata.annotations.atonix.io/credentials-checksum");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");

    private AsDesired() {}

    /**
     * Empty when the stored object is as desired, else the path of the first difference. An Atonix resource is read
     * with its CRD's defaults filled in, as a real API server stores it (render prints it so); the mock server keeps
     * what was written.
     */
    static Optional<String> difference(JsonNode desired, JsonNode stored) {
        JsonNode actual = stored == null ? null : StoredDefaults.applied(stored);
        if ("Secret".equals(desired.path("kind").asText())
                && desired.isObject()
                && actual != null
                && actual.isObject()) {
            ObjectNode withoutValues = ((ObjectNode) desired).deepCopy();
            withoutValues.remove("data");
            withoutValues.remove("stringData");
            Optional<String> difference = difference(withoutValues, actual, "");
            if (difference.isPresent()) {
                return difference;
            }
            for (String field : new String[] {"data", "stringData"}) {
                Iterator<String> keys = desired.path(field).fieldNames();
                while (keys.hasNext()) {
                    String key = keys.next();
                    if (!actual.path("data").has(key)
                            && !actual.path("stringData").has(key)) {
                        return Optional.of(".data." + key + " is missing");
                    }
                }
            }
            return Optional.empty();
        }
        return difference(desired, actual, "");
    }

    private static Optional<String> difference(JsonNode desired, JsonNode actual, String path) {
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            return desired.isNull() ? Optional.empty() : Optional.of(path + " is missing");
        }
        if (PRESENCE_ONLY.contains(path)) {
            return Optional.empty();
        }
        if (desired.isObject()) {
            if (!actual.isObject()) {
                return Optional.of(path + " is not an object");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> difference =
                        difference(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (desired.isArray()) {
            if (!actual.isArray() || actual.size() != desired.size()) {
                return Optional.of(path + " has " + (actual.isArray() ? actual.size() : "no") + " elements, not "
                        + desired.size());
            }
            for (int i = 0; i < desired.size(); i++) {
                Optional<String> difference = difference(desired.get(i), actual.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        boolean same = desired.isNumber() && actual.isNumber()
                ? desired.decimalValue().compareTo(actual.decimalValue()) == 0
                : matches(desired.asText(), actual.asText());
        return same ? Optional.empty() : Optional.of(path + " is " + actual + ", not " + desired);
    }

    /** Equal, where each placeholder of the desired text stands for any non-empty text. */
    private static boolean matches(String desired, String actual) {
        if (desired.equals(actual)) {
            return true;
        }
        Matcher placeholder = PLACEHOLDER.matcher(desired);
        if (!placeholder.find()) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        int from = 0;
        do {
            regex.append(Pattern.quote(desired.substring(from, placeholder.start())))
                    .append(".+");
            from = placeholder.end();
        } while (placeholder.find());
        regex.append(Pattern.quote(desired.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }
}
