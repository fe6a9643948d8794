package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/**
 * {@code atonix.io/paused: "true"} on an AppStack stops its reconciliation: the operator changes none of its objects
 * until the annotation goes (for a migration by hand, say). The stack's updates reach the controller when its
 * generation grows (spec changes, as generation-aware processing would) or when this annotation changes, so removing
 * it resumes at once; status writes and other metadata changes do not wake it.
 */
public final class Pause implements OnUpdateFilter<AppStack> {
    public static final String ANNOTATION = "atonix.io/paused";

    public static boolean requested(AppStack stack) {
        Map<String, String> annotations = stack.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(ANNOTATION));
    }

    @Override
    public boolean accept(AppStack updated, AppStack old) {
        Long before = old.getMetadata().getGeneration();
        Long after = updated.getMetadata().getGeneration();
        boolean newGeneration = before == null || after == null || before < after;
        return newGeneration
                || requested(updated) != requested(old)
                || !Objects.equals(
                        old.getMetadata().getDeletionTimestamp(),
                        updated.getMetadata().getDeletionTimestamp());
    }
}
