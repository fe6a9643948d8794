package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Scales on the value of a PromQL query, which KEDA asks the Prometheus server for: the trigger's own, or the platform's
 * that the operator is configured with.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PrometheusTrigger(
        @Size(min = 1, max = 512)
        @Pattern("^https?://[^\\s]+$")
        @JsonPropertyDescription(
                "Address of the Prometheus server's HTTP API, for example http://prometheus-operated.monitoring.svc:9090. KEDA's operator, not the service, asks it. Optional where the platform configured its Prometheus (chart value keda.prometheus.serverAddress), which it then defaults to; required otherwise. Where the platform configured credentials for its Prometheus, KEDA uses them only with the platform's address, never with another.")
        String serverAddress,

        @Required
        @Size(min = 1, max = 4096)
        @JsonPropertyDescription(
                "The PromQL query; its result must be a single number, for example sum(rate(http_requests_total{namespace=\"shop\"}[2m])).")
        String query,

        @Required
        @Size(min = 1, max = 32)
        @Pattern(PrometheusTrigger.NUMBER)
        @JsonPropertyDescription(
                "Value per pod that the autoscaler aims for, a decimal number such as \"100\" or \"0.5\".")
        String threshold,

        @Size(min = 1, max = 32)
        @Pattern(PrometheusTrigger.NUMBER)
        @JsonPropertyDescription("Value above which a service scaled to zero gets its first pod again. Defaults to 0.")
        String activationThreshold) {

    /** A non-negative decimal number, as KEDA parses thresholds. */
    public static final String NUMBER = "^[0-9]+(\\.[0-9]+)?$";
}
