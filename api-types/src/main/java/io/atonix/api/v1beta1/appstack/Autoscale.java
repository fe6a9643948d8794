package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
        message = "minReplicas must not be greater than maxReplicas")
public record Autoscale(
        @Default("1") @Min(1) @Max(1000) @JsonPropertyDescription("Fewest replicas the autoscaler keeps.")
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
        Integer targetMemoryUtilizationPercentage) {

    public static final int DEFAULT_MIN_REPLICAS = 1;
    public static final int DEFAULT_TARGET_CPU_UTILIZATION = 80;

    public int minReplicasOrDefault() {
        return minReplicas == null ? DEFAULT_MIN_REPLICAS : minReplicas;
    }

    public int targetCpuOrDefault() {
        return targetCPUUtilizationPercentage == null ? DEFAULT_TARGET_CPU_UTILIZATION : targetCPUUtilizationPercentage;
    }
}
