package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** A primary's secondaries from the informer cache, picked by the label that names the primary. */
public final class Secondaries {

    private Secondaries() {}

    /** Those of the type whose {@code label} is {@code value}, keyed by {@code key}; objects without a key are left out. */
    public static <R extends HasMetadata> Map<String, R> labelled(
            Context<?> context, Class<R> type, String label, String value, Function<R, String> key) {
        Map<String, R> result = new LinkedHashMap<>();
        context.getSecondaryResourcesAsStream(type).forEach(resource -> {
            Map<String, String> labels = resource.getMetadata().getLabels();
            String name = key.apply(resource);
            if (labels != null && Objects.equals(value, labels.get(label)) && name != null) {
                result.putIfAbsent(name, resource);
            }
        });
        return result;
    }

    /**
     * The primary a child names in its {@code label}, in the child's namespace: how the children kept under Retain,
     * which carry no owner reference, are found ({@link RetainedData}).
     */
    public static Set<ResourceID> primaryNamedBy(HasMetadata resource, String label) {
        String primary = label(resource, label);
        return primary == null
                ? Set.of()
                : Set.of(new ResourceID(primary, resource.getMetadata().getNamespace()));
    }

    public static String label(HasMetadata resource, String key) {
        Map<String, String> labels = resource.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
