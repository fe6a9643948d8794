package io.atonix.operator.monitoring;

import java.util.regex.Pattern;

/** Small pieces of PromQL the alert and dashboard builders share. */
public final class PromQl {
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)(s|m|h)");

    private PromQl() {}

    /** A Kubernetes name as a regular expression that matches only itself (names may hold '.'). */
    public static String literal(String name) {
        return name.replace(".", "\\\\.");
    }

    /** The pods of a Deployment: {@code <deployment>-<replicaset hash>-<suffix>}, and no other Deployment's. */
    public static String deploymentPods(String deployment) {
        return literal(deployment) + "-[a-z0-9]+-[a-z0-9]+";
    }

    /** The pods of a StatefulSet: {@code <statefulset>-<ordinal>}. */
    public static String statefulSetPods(String statefulSet) {
        return literal(statefulSet) + "-[0-9]+";
    }

    /** Seconds in a duration of the form the API allows for thresholds (for example 90s, 5m, 26h). */
    public static long seconds(String duration) {
        var matcher = DURATION.matcher(duration);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + duration);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "h" -> amount * 3600;
            case "m" -> amount * 60;
            default -> amount;
        };
    }
}
