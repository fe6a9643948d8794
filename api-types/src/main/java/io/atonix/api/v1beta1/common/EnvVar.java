package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(has(self.value) && has(self.valueFrom))",
        message = "value and valueFrom are mutually exclusive")
public record EnvVar(
        @Required
        @Size(min = 1, max = 128)
        @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")
        @JsonPropertyDescription("Name of the environment variable.")
        String name,

        @Size(max = 32768)
        @JsonPropertyDescription(
                "Literal value. Use valueFrom for anything secret: literal values are visible to everyone who can read the pod.")
        String value,

        @JsonPropertyDescription("Source of the value, for values that must not be written into the resource.")
        EnvVarSource valueFrom) {}
