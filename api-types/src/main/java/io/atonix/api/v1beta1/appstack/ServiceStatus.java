package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStatus(
        @Required @JsonPropertyDescription("Name of the service.")
        String name,

        @JsonPropertyDescription("Pods the Deployment wants.")
        Integer replicas,

        @JsonPropertyDescription("Pods that are ready.") Integer readyReplicas,

        @JsonPropertyDescription("Pods that run the current pod template.")
        Integer updatedReplicas,

        @JsonPropertyDescription("True when every wanted pod runs the current template and is available.")
        Boolean ready,

        @JsonPropertyDescription(
                "URLs the service is reached at from outside the cluster, one per route, with its host's scheme.")
        @ListType(ListType.Kind.set)
        List<String> urls,

        @JsonPropertyDescription(
                "Where the credentials of each use of the service are: the use, its kind and its binding Secret.")
        @ListType(value = ListType.Kind.map, keys = "use")
        List<BindingStatus> bindings) {

    public ServiceStatus {
        urls = urls == null || urls.isEmpty() ? null : List.copyOf(urls);
    }
}
