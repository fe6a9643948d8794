package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
        message = "minReplicas must not be greater than maxReplicas")
@ValidationRule(
        value = "!has(self.minReplicas) || self.minReplicas > 0 || (has(self.triggers) && size(self.triggers) > 0)",
        message =
                "minReplicas 0 needs at least one trigger: only an event (kafkaLag, cron, prometheus) can start the first pod of a service that has none",
        fieldPath = ".minReplicas")
public record Autoscale(
        @Default("1")
        @Min(0)
        @Max(1000)
        @JsonPropertyDescription(
                "Fewest replicas the autoscaler keeps. 0 scales the service to zero while its triggers see no event; it needs at least one trigger, and KEDA: without KEDA the CPU autoscaler keeps at least 1.")
        Integer minReplicas,

        @Required @Min(1) @Max(1000) @JsonPropertyDescription("Most replicas the autoscaler may run.")
        Integer maxReplicas,

        @Default("80")
        @Min(1)
        @Max(1000)
        @JsonPropertyDescription("Average CPU use, in percent of the CPU request, that the autoscaler aims for.")
        Integer targetCPUUtilizationPercentage,

        @Min(1)
        @Max(1000)
        @JsonPropertyDescription(
                "Average memory use, in percent of the memory request, that the autoscaler aims for. Memory is not a scaling signal unless set.")
        Integer targetMemoryUtilizationPercentage,

        @Size(max = 8)
        @JsonPropertyDescription(
                "Events that scale the service besides CPU and memory: Kafka consumer lag, cron windows, Prometheus queries. Where the cluster runs KEDA (keda.sh), the operator writes a KEDA ScaledObject with these triggers and the CPU and memory targets instead of a HorizontalPodAutoscaler; without KEDA the triggers are not used, the stack's Autoscaling component says so, and the HorizontalPodAutoscaler scales on CPU and memory.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<AutoscaleTrigger> triggers) {

    public Autoscale {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** An autoscaler on CPU and memory only. */
    public Autoscale(
            Integer minReplicas,
            Integer maxReplicas,
            Integer targetCPUUtilizationPercentage,
            Integer targetMemoryUtilizationPercentage) {
        this(minReplicas, maxReplicas, targetCPUUtilizationPercentage, targetMemoryUtilizationPercentage, null);
    }

    public static final int DEFAULT_MIN_REPLICAS = 1;
    public static final int DEFAULT_TARGET_CPU_UTILIZATION = 80;

    public int minReplicasOrDefault() {
        return minReplicas == null ? DEFAULT_MIN_REPLICAS : minReplicas;
    }

    public int targetCpuOrDefault() {
        return targetCPUUtilizationPercentage == null ? DEFAULT_TARGET_CPU_UTILIZATION : targetCPUUtilizationPercentage;
    }

    /** Whether some event, not only CPU and memory, scales the service: what KEDA is for. */
    public boolean hasTriggers() {
        return !triggers.isEmpty();
    }
}
