package io.atonix.operator.kafka;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.common.Condition;
import io.strimzi.api.kafka.model.kafka.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strimzi's objects are watched and written as generic resources, at whichever version the cluster serves, and read
 * through Strimzi's Java model; this converts between the two and reads what Strimzi reports.
 */
public final class StrimziObjects {
    /** Strimzi's annotation that tells the Topic Operator to leave a topic alone (and keep it when its KafkaTopic goes). */
    public static final String MANAGED = "strimzi.io/managed";

    static final String UNMANAGED_CONDITION = "Unmanaged";

    private StrimziObjects() {}

    /**
     * The object at a version of Strimzi's API. Strimzi's Java classes carry one fixed apiVersion ({@code v1} in
     * 0.51); the shape of what the operator writes is the same at both versions, so only apiVersion changes.
     */
    public static GenericKubernetesResource atVersion(
            HasMetadata object, StrimziApiVersion version, KubernetesSerialization serialization) {
        GenericKubernetesResource generic = serialization.convertValue(object, GenericKubernetesResource.class);
        generic.setApiVersion(version.apiVersion());
        return generic;
    }

    public static <T> T typed(GenericKubernetesResource object, Class<T> type, KubernetesSerialization serialization) {
        return serialization.convertValue(object, type);
    }

    /** Strimzi's condition of a type, when its status has seen the current generation. */
    static Optional<Condition> condition(HasMetadata object, Status status, String type) {
        if (status == null || status.getConditions() == null || !observedCurrent(object, status)) {
            return Optional.empty();
        }
        return status.getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }

    static boolean holds(Optional<Condition> condition) {
        return condition.map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static boolean observedCurrent(HasMetadata object, Status status) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null || status.getObservedGeneration() >= generation;
    }

    /** Whether a person or the operator has told Strimzi to leave the topic alone. */
    static boolean detached(HasMetadata topic) {
        Map<String, String> annotations = topic.getMetadata().getAnnotations();
        return annotations != null && "false".equals(annotations.get(MANAGED));
    }

    /** A one-line summary of Strimzi's not-ready condition, for a person. */
    static String problem(Status status) {
        if (status == null || status.getConditions() == null) {
            return "not reconciled by Strimzi yet";
        }
        List<Condition> conditions = status.getConditions();
        return conditions.stream()
                .filter(c -> "Ready".equals(c.getType()) || "NotReady".equals(c.getType()))
                .map(c -> c.getReason() == null
                        ? c.getMessage()
                        : c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage()))
                .filter(m -> m != null && !m.isEmpty())
                .findFirst()
                .orElse("not ready");
    }
}
