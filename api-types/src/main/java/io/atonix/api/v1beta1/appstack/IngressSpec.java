package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** The settings of the one Ingress that carries the routes of a stack's services. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IngressSpec(
        @Size(max = 253)
        @JsonPropertyDescription(
                "IngressClass that serves the stack's routes. Defaults to the class the operator is configured with.")
        String className,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Annotations of the stack's Ingress, for controller-specific settings (for example cert-manager's issuer).")
        Map<String, String> annotations) {

    public IngressSpec {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
