package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.Format;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * Addresses a NetworkPolicy admits, as its ipBlock writes them. The schema checks each CIDR (format cidr, which every
 * Kubernetes version checks; CEL's isCIDR would make the CRD uninstallable before 1.31); that the exceptions lie inside
 * the CIDR, the operator checks.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IpBlock(
        @Required
        @Size(max = IpBlock.MAX_CIDR)
        @Format(IpBlock.CIDR)
        @JsonPropertyDescription(
                "An IPv4 or IPv6 range in CIDR notation, for example 203.0.113.0/24 or 2001:db8::/32; a single address is /32 (or /128). Take it from the provider's published ranges, or an egress gateway's.")
        String cidr,

        @Size(max = 16)
        @Format(IpBlock.CIDR)
        @JsonPropertyDescription("Ranges inside cidr that stay closed, each in CIDR notation.")
        @ListType(ListType.Kind.set)
        List<@Size(max = IpBlock.MAX_CIDR) String> except) {

    public static final String CIDR = "cidr";
    /** An IPv6 address written out in full (39) and /128. */
    public static final int MAX_CIDR = 43;

    public IpBlock {
        except = except == null ? List.of() : List.copyOf(except);
    }
}
