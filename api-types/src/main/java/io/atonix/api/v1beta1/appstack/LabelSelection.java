package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector (metav1.LabelSelector's shape), typed here rather than fabric8's model so that each of
 * its fields carries a description and a bound. All of its terms must hold; no terms select everything.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelection(
        @Size(max = 16) @JsonPropertyDescription("Labels the object carries, each with exactly this value.")
        Map<String, String> matchLabels,

        @Size(max = 8)
        @JsonPropertyDescription("Requirements on labels, all of which must hold.")
        @ListType(ListType.Kind.atomic)
        List<LabelRequirement> matchExpressions) {

    public LabelSelection {
        matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    }
}
