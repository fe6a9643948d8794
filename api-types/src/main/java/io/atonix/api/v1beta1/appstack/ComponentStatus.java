package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;
import io.atonix.api.schema.Values;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A part of the stack and its Ready condition, in the fields and schema of a metav1.Condition (the type is always
 * Ready): Unknown while the part has not reported yet, and a transition time that moves only when the status does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentStatus(
        @Required
        @JsonPropertyDescription(
                "Part of the stack: Postgres, Redis, Kafka, Monitoring, Certificates (the hosts' cert-manager Certificates), Routes (the services' HTTPRoutes in Gateway mode), SignIn (the oauth2-proxies of services that sign in), Migration (a job that runs before the rollout of services, named by the Job of its current version) or ObjectStores (the binding Secrets of the services' uses of object stores).")
        String component,

        @JsonPropertyDescription("Name of the object that implements it, when there is one.")
        String name,

        @Required
        @Values({"True", "False", "Unknown"})
        @JsonPropertyDescription("Whether the part is ready: True, False, or Unknown while it has not reported yet.")
        String status,

        @Required
        @Size(min = 1, max = 1024)
        @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
        @JsonPropertyDescription("A CamelCase word for the cause of the status.")
        String reason,

        @Size(max = 32768) @JsonPropertyDescription("What a person needs to know, when the part is not ready.")
        String message,

        @Format(Format.DATE_TIME) @JsonPropertyDescription("When the status last changed, in RFC 3339 form.")
        String lastTransitionTime) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    /** A part that reported: ready or not. */
    public static ComponentStatus of(String component, String name, boolean ready, String reason, String message) {
        return new ComponentStatus(component, name, ready ? TRUE : FALSE, reason, message, null);
    }

    /** A part that has not reported yet. */
    public static ComponentStatus unknown(String component, String name, String reason, String message) {
        return new ComponentStatus(component, name, UNKNOWN, reason, message, null);
    }

    public boolean holds() {
        return TRUE.equals(status);
    }

    public ComponentStatus withLastTransitionTime(String time) {
        return new ComponentStatus(component, name, status, reason, message, time);
    }
}
