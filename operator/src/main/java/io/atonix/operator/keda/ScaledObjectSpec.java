package io.atonix.operator.keda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The fields of a ScaledObject's spec the operator sets; KEDA's defaults (polling interval, cooldown) fill the rest.
 *
 * @param scaleTargetRef the Deployment to scale
 * @param minReplicaCount fewest pods, 0 to scale to zero while no trigger is active
 * @param maxReplicaCount most pods
 * @param triggers what scales it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaledObjectSpec(
        ScaleTarget scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount, List<Trigger> triggers) {

    /** The workload KEDA scales, and the container whose environment *FromEnv metadata reads. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {}

    /**
     * One scaler: its type (kafka, cron, prometheus, cpu, memory), its metadata as KEDA's scaler reads it, and for
     * credentials a TriggerAuthentication.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trigger(
            String type,
            String name,
            String metricType,
            Map<String, String> metadata,
            AuthenticationRef authenticationRef) {}

    /**
     * A TriggerAuthentication in the ScaledObject's namespace by name, or with kind ClusterTriggerAuthentication one of
     * the cluster's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthenticationRef(String name, String kind) {
        public static final String CLUSTER = "ClusterTriggerAuthentication";

        public AuthenticationRef(String name) {
            this(name, null);
        }
    }
}
