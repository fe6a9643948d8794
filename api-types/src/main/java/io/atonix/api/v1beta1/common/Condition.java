package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;
import io.atonix.api.schema.Values;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A condition in the metav1.Condition shape, which kstatus, Argo CD and Flux read, with metav1.Condition's own schema
 * (the status enum, an RFC 3339 time, CamelCase reasons), so the API server refuses a status no reader could parse.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @Required
        @Size(min = 1, max = 316)
        @Pattern(
                "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
        @JsonPropertyDescription("Type of the condition: Ready, Progressing, Degraded, Reconciling or Stalled.")
        String type,

        @Required @Values({"True", "False", "Unknown"}) @JsonPropertyDescription("True, False or Unknown.")
        String status,

        @Min(0) @JsonPropertyDescription("The metadata.generation the condition was computed for.")
        Long observedGeneration,

        @Required @Format(Format.DATE_TIME) @JsonPropertyDescription("When the status last changed, in RFC 3339 form.")
        String lastTransitionTime,

        @Required
        @Size(min = 1, max = 1024)
        @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
        @JsonPropertyDescription("A CamelCase word for the cause of the status, for machines and for grep.")
        String reason,

        @Required
        @Size(max = 32768)
        @JsonPropertyDescription("What a person needs to know, in a sentence or two; empty when all is well.")
        String message) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    public boolean holds() {
        return TRUE.equals(status);
    }

    public Condition withLastTransitionTime(String time) {
        return new Condition(type, status, observedGeneration, time, reason, message);
    }
}
