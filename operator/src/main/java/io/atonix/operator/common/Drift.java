package io.atonix.operator.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a stored object departs from what the operator wants, counting only the fields the operator sets. A field
 * the API server, a webhook or another controller added is not drift: a JSON diff shows it as "add", or as "copy"
 * when the value already stands elsewhere (the API server copies {@code serviceAccountName} into the deprecated
 * {@code serviceAccount}). A changed or missing field is. Of the metadata, only labels and annotations count.
 */
public final class Drift {
    private static final Set<String> ADDITIONS = Set.of("add", "copy");
    private static final Set<String> IGNORED = Set.of("/apiVersion", "/kind", "/status");

    private Drift() {}

    /** The drifted paths, as "op path"; values are left out because they may be secret. Empty when the object matches. */
    public static List<String> of(HasMetadata desired, HasMetadata actual, KubernetesSerialization serialization) {
        JsonNode diff = JsonDiff.asJson(
                serialization.convertValue(desired, JsonNode.class),
                serialization.convertValue(actual, JsonNode.class));
        List<String> drift = new ArrayList<>();
        for (JsonNode operation : diff) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            if (ADDITIONS.contains(op) || ignored(path)) {
                continue;
            }
            drift.add(op + " " + path);
        }
        return drift;
    }

    private static boolean ignored(String path) {
        for (String prefix : IGNORED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return path.startsWith("/metadata")
                && !path.startsWith("/metadata/labels")
                && !path.startsWith("/metadata/annotations");
    }
}
