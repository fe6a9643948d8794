package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One requirement of a label selector: metav1.LabelSelectorRequirement's shape and rules. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "(self.operator == 'In' || self.operator == 'NotIn') == (has(self.values) && size(self.values) > 0)",
        message = LabelRequirement.VALUES,
        fieldPath = ".values")
public record LabelRequirement(
        @Required
        @Size(min = 1, max = 317)
        @JsonPropertyDescription("The label key, for example app.kubernetes.io/name.")
        String key,

        @Required
        @JsonPropertyDescription(
                "How the label is matched: In or NotIn one of values, Exists or DoesNotExist (without values).")
        Operator operator,

        @Size(max = 16)
        @JsonPropertyDescription("The values In and NotIn compare with; empty for Exists and DoesNotExist.")
        @ListType(ListType.Kind.set)
        List<@Size(max = 63) String> values) {

    public static final String VALUES = "In and NotIn need values; Exists and DoesNotExist take none";

    public LabelRequirement {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public enum Operator {
        In,
        NotIn,
        Exists,
        DoesNotExist
    }
}
