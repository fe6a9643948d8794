package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NetworkPolicySpec(
        @Default("true")
        @JsonPropertyDescription("Denies all ingress to the stack's pods except what expose, uses and metrics declare.")
        Boolean enabled,

        @Default("Open")
        @JsonPropertyDescription(
                "Where the stack's pods may connect: Open (default) leaves egress alone; DeclaredOnly allows DNS, what their uses declare and the destinations of egressTo, nothing else.")
        EgressMode egress,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Destinations outside what the uses declare that the stack's pods may connect to under egress DeclaredOnly: an external API, an object store, a service of another namespace. Under Open they are accepted and change nothing (egress is open), so a team can declare them before it switches.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<EgressDestination> egressTo) {

    public NetworkPolicySpec {
        egressTo = egressTo == null ? List.of() : List.copyOf(egressTo);
    }

    /** Without an allow-list, as the spec read before egressTo existed. */
    public NetworkPolicySpec(Boolean enabled, EgressMode egress) {
        this(enabled, egress, null);
    }

    public EgressMode egressOrDefault() {
        return egress == null ? EgressMode.Open : egress;
    }
}
