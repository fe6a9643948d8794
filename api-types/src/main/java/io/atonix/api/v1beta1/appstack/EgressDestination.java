package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * A destination the stack's pods may connect to under egress DeclaredOnly, and which of them may: a NetworkPolicy
 * egress rule in the stack's words. The destination is a one-of, addresses or in-cluster pods, as a NetworkPolicy
 * peer is; NetworkPolicy cannot match DNS names, so an external API is reached by its address ranges.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "has(self.ipBlock) != (has(self.namespaceSelector) || has(self.podSelector))",
        message = EgressDestination.ONE_DESTINATION)
public record EgressDestination(
        @Required
        @Size(min = 1, max = 63)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the destination, unique in egressTo: a DNS label saying what it is, for example payments or backups.")
        String name,

        @JsonPropertyDescription(
                "Addresses outside the cluster, as a CIDR with exceptions. Not together with namespaceSelector or podSelector.")
        IpBlock ipBlock,

        @JsonPropertyDescription(
                "Pods in the namespaces these labels select ({} selects all namespaces; the label kubernetes.io/metadata.name selects one by name); with podSelector, only its pods there. Not together with ipBlock.")
        LabelSelection namespaceSelector,

        @JsonPropertyDescription(
                "Pods these labels select, in the stack's namespace unless namespaceSelector is set too. Not together with ipBlock.")
        LabelSelection podSelector,

        @Size(max = 16)
        @JsonPropertyDescription(
                "The ports the destination may be reached on; none means every port and protocol. A destination's ports are replaced as a whole.")
        @ListType(ListType.Kind.atomic)
        List<EgressPort> ports,

        @Size(max = 21)
        @JsonPropertyDescription(
                "Names of the stack's services allowed to connect to the destination; empty means every service. postgres names the stack's PostgreSQL (its server and backup jobs), which needs its object store under DeclaredOnly and is never among every service.")
        @ListType(ListType.Kind.set)
        List<@Size(max = 30) String> from) {

    public static final String ONE_DESTINATION =
            "a destination is exactly one of ipBlock and in-cluster selectors (namespaceSelector, podSelector, or both)";

    /** The name in {@code from} that stands for the stack's PostgreSQL: a service cannot take it. */
    public static final String POSTGRES = "postgres";

    public EgressDestination {
        ports = ports == null ? List.of() : List.copyOf(ports);
        from = from == null ? List.of() : List.copyOf(from);
    }

    /** Whether the service (or {@link #POSTGRES}) of this name may connect: every service when from is empty. */
    public boolean allows(String name) {
        return from.isEmpty() ? !POSTGRES.equals(name) : from.contains(name);
    }
}
