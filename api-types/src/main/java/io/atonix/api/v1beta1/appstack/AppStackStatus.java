package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.Condition;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AppStackStatus(
        @JsonPropertyDescription(
                "The metadata.generation this status describes; older than metadata.generation while a change is not yet processed.")
        Long observedGeneration,

        @JsonPropertyDescription(
                "Ready, Progressing and Degraded, in the metav1.Condition shape that Argo CD and Flux read, and kstatus' Reconciling (mirrors Progressing) and Stalled (mirrors Degraded) for Flux.")
        @ListType(value = ListType.Kind.map, keys = "type")
        List<Condition> conditions,

        @JsonPropertyDescription("One entry per application service.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ServiceStatus> services,

        @JsonPropertyDescription("One entry per further part of the stack: data stores, Kafka, monitoring.")
        @ListType(value = ListType.Kind.map, keys = "component")
        List<ComponentStatus> components) {

    public AppStackStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        services = services == null ? List.of() : List.copyOf(services);
        components = components == null ? List.of() : List.copyOf(components);
    }
}
