package io.atonix.operator.kafka;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.Map;

/**
 * Whether a Kafka cluster takes topics and users from a stack: always from its own namespace, and from another only
 * when the cluster's owner lists that namespace (or {@code *}) in the annotation {@value #ALLOWED_NAMESPACES}. A
 * reference that reaches into another namespace needs the consent of that namespace's owner, as the Gateway API's
 * {@code allowedRoutes} asks of a Gateway: a team cannot create objects next to a cluster that was not offered to it.
 */
public final class KafkaSharing {
    public static final String ALLOWED_NAMESPACES = "atonix.io/allowed-namespaces";
    public static final String ALL = "*";

    private KafkaSharing() {}

    public static boolean admits(HasMetadata cluster, String stackNamespace) {
        if (stackNamespace.equals(cluster.getMetadata().getNamespace())) {
            return true;
        }
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        String allowed = annotations == null ? null : annotations.get(ALLOWED_NAMESPACES);
        return allowed != null
                && Arrays.stream(allowed.split(","))
                        .map(String::trim)
                        .anyMatch(n -> n.equals(ALL) || n.equals(stackNamespace));
    }
}
