package io.atonix.operator.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Labels written as {@code k=v,k2=v2}, the form a Helm value or an environment variable holds. Keys and values are
 * checked against Kubernetes' label syntax here, so a typo stops the operator at start-up with a message instead of
 * making every write of a labelled object fail.
 */
public final class LabelPairs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PREFIX =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelPairs() {}

    /** The labels in {@code text}, in their order; blank text gives none. */
    public static Map<String, String> parse(String setting, String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return labels;
        }
        for (String pair : text.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(setting + ": '" + trimmed + "' is not of the form key=value");
            }
            String key = trimmed.substring(0, equals).trim();
            String value = trimmed.substring(equals + 1).trim();
            check(setting, key, value);
            labels.put(key, value);
        }
        return labels;
    }

    static void check(String setting, String key, String value) {
        problem(key, value).ifPresent(problem -> {
            throw new IllegalArgumentException(setting + ": " + problem);
        });
    }

    /** What is wrong with a label, if anything, as a person would want to read it. */
    public static Optional<String> problem(String key, String value) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null && (prefix.length() > 253 || !PREFIX.matcher(prefix).matches())) {
            return Optional.of("label key '" + key + "' has an invalid prefix (a DNS subdomain)");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(
                    "label key '" + key
                            + "' is invalid (at most 63 characters: letters, digits, '-', '_', '.', starting and ending alphanumeric)");
        }
        if (value != null && !value.isEmpty() && !NAME.matcher(value).matches()) {
            return Optional.of(
                    "value '" + value + "' of label '" + key
                            + "' is invalid (at most 63 characters: letters, digits, '-', '_', '.', starting and ending alphanumeric)");
        }
        return Optional.empty();
    }
}
