package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** When a job runs before something else happens: today, before the rollout of a new version of some services. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RunBefore(
        @Required
        @Size(min = 1, max = 20)
        @JsonPropertyDescription(
                "Services of the stack whose new versions wait for the job: a new version of the job or of any of their containers (image, command, arguments, environment, resources, probes, ports, uses; not replicas or routes) runs the job once, and their Deployments keep the previous version until it succeeded. On the stack's first creation the services start after the first run.")
        @ListType(ListType.Kind.set)
        List<@Size(max = 30) String> rollout) {

    public RunBefore {
        rollout = rollout == null ? List.of() : List.copyOf(rollout);
    }
}
