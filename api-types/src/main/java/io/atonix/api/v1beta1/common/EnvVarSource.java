package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "[has(self.secretKeyRef), has(self.configMapKeyRef), has(self.fieldRef)].filter(x, x).size() == 1",
        message = "exactly one of secretKeyRef, configMapKeyRef or fieldRef must be set")
public record EnvVarSource(
        @JsonPropertyDescription(
                "Reads the value from a key of a Secret in the same namespace. The value never appears in the pod spec.")
        KeyReference secretKeyRef,

        @JsonPropertyDescription("Reads the value from a key of a ConfigMap in the same namespace.")
        KeyReference configMapKeyRef,

        @JsonPropertyDescription("Reads the value from a field of the pod (downward API).")
        FieldReference fieldRef) {}
