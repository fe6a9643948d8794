package io.atonix.benchmark.measure;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a stored object is as desired: every field of the rendered object is there with the same value. The
 * server may add fields (defaults, status, uid, owner uids render cannot know), which is the rule the operator's
 * own drift check follows. The desired-hash annotation is left out: the operator hashes the object with its
 * owner's uid, which a render without a cluster cannot know.
 */
final class AsDesired {
    private static final String HASH_ANNOTATION = "atonix.io/desired-hash";

    private AsDesired() {
    }

    /** Empty when the stored object is as desired, else the path of the first difference. */
    static Optional<String> difference(JsonNode desired, JsonNode actual) {
        return difference(desired, actual, "");
    }

    private static Optional<String> difference(JsonNode desired, JsonNode actual, String path) {
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            return desired.isNull() ? Optional.empty() : Optional.of(path + " is missing");
        }
        if (desired.isObject()) {
            if (!actual.isObject()) {
                return Optional.of(path + " is not an object");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                if (at.equals(".metadata.annotations." + HASH_ANNOTATION)) {
                    continue;
                }
                Optional<String> difference = difference(field.getValue(), actual.get(field.getKey()), at);
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (desired.isArray()) {
            if (!actual.isArray() || actual.size() != desired.size()) {
                return Optional.of(path + " has " + (actual.isArray() ? actual.size() : "no") + " elements, not " + desired.size());
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
                : desired.asText().equals(actual.asText());
        return same ? Optional.empty() : Optional.of(path + " is " + actual + ", not " + desired);
    }
}
