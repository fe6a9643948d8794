package io.atonix.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A condition in the metav1.Condition shape, which kstatus, Argo CD and Flux read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @Required
        @JsonPropertyDescription("Type of the condition: Ready, Progressing, Degraded, Reconciling or Stalled.")
        String type,

        @Required @JsonPropertyDescription("True, False or Unknown.")
        String status,

        @JsonPropertyDescription("The metadata.generation the condition was computed for.")
        Long observedGeneration,

        @Required @JsonPropertyDescription("When the status last changed, in RFC 3339 form.")
        String lastTransitionTime,

        @Required @JsonPropertyDescription("A CamelCase word for the cause of the status, for machines and for grep.")
        String reason,

        @Required @JsonPropertyDescription("What a person needs to know, in a sentence or two; empty when all is well.")
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
