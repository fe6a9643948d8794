package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;

/**
 * How a person asks for a new generated password: annotate its Secret (any value), or delete the Secret. The
 * operator then writes a fresh password into the Secret, applies it where it is checked, and rolls the pods that
 * read it.
 */
public final class Rotation {
    public static final String ANNOTATION = "atonix.io/rotate";

    private Rotation() {}

    public static boolean requested(HasMetadata secret) {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(ANNOTATION);
    }

    /** The stored Secret without the request, for the update that writes the new password. */
    public static Secret withoutRequest(Secret actual) {
        return new SecretBuilder(actual)
                .editMetadata()
                .removeFromAnnotations(ANNOTATION)
                .endMetadata()
                .build();
    }
}
