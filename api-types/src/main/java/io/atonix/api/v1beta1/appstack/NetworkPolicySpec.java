package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NetworkPolicySpec(
        @Default("true")
        @JsonPropertyDescription("Denies all ingress to the stack's pods except what expose, uses and metrics declare.")
        Boolean enabled,

        @Default("Open")
        @JsonPropertyDescription(
                "Where the stack's pods may connect: Open (default) leaves egress alone; DeclaredOnly allows DNS and what their uses declare, nothing else.")
        EgressMode egress) {

    public EgressMode egressOrDefault() {
        return egress == null ? EgressMode.Open : egress;
    }
}
