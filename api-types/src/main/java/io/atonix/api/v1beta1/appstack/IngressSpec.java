package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.QualifiedNames;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The settings of the one Ingress that carries the routes of a stack's services. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.className) || self.className.matches('" + QualifiedNames.DNS_SUBDOMAIN + "')",
        message = "className is the name of an IngressClass: lower case letters, digits, '-' and '.'",
        fieldPath = ".className")
@ValidationRule(
        value = "!has(self.annotations) || self.annotations.all(k, k.matches('" + QualifiedNames.KEY + "'))",
        message =
                "an annotation key is an optional DNS subdomain and '/', then a name of at most 63 letters, digits, '-', '_' and '.' (for example cert-manager.io/cluster-issuer)",
        fieldPath = ".annotations")
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
