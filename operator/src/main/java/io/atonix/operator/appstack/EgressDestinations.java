package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressPort;
import io.atonix.api.v1beta1.appstack.LabelRequirement;
import io.atonix.api.v1beta1.appstack.LabelSelection;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.List;
import java.util.TreeMap;

/**
 * The egress rules that spec.networkPolicy.egressTo grants one workload of the stack: a service by its name, or the
 * stack's PostgreSQL as {@value EgressDestination#POSTGRES}. Each destination becomes one rule, with the peer and
 * ports written as a NetworkPolicy writes them, so what the user declared is what the network plugin reads.
 */
final class EgressDestinations {

    private EgressDestinations() {}

    static List<NetworkPolicyEgressRule> grantedTo(NetworkPolicySpec spec, String workload) {
        if (spec == null) {
            return List.of();
        }
        return spec.egressTo().stream()
                .filter(destination -> destination.allows(workload))
                .map(EgressDestinations::rule)
                .toList();
    }

    private static NetworkPolicyEgressRule rule(EgressDestination destination) {
        // No ports: the rule admits every port and protocol of the destination.
        List<NetworkPolicyPort> ports =
                destination.ports().stream().map(EgressDestinations::port).toList();
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(peer(destination))
                .withPorts(Deployments.nullIfEmpty(ports))
                .build();
    }

    private static NetworkPolicyPeer peer(EgressDestination destination) {
        if (destination.ipBlock() != null) {
            return new NetworkPolicyPeerBuilder()
                    .withNewIpBlock()
                    .withCidr(destination.ipBlock().cidr())
                    .withExcept(Deployments.nullIfEmpty(destination.ipBlock().except()))
                    .endIpBlock()
                    .build();
        }
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(selector(destination.namespaceSelector()))
                .withPodSelector(selector(destination.podSelector()))
                .build();
    }

    private static NetworkPolicyPort port(EgressPort port) {
        return new NetworkPolicyPortBuilder()
                .withProtocol(port.protocolOrDefault().name())
                .withPort(new IntOrString(port.port()))
                .withEndPort(port.endPort())
                .build();
    }

    /** The selector as Kubernetes writes it; an empty one ({}) selects everything, as in a NetworkPolicy peer. */
    private static LabelSelector selector(LabelSelection selection) {
        if (selection == null) {
            return null;
        }
        return new LabelSelectorBuilder()
                .withMatchLabels(selection.matchLabels().isEmpty() ? null : new TreeMap<>(selection.matchLabels()))
                .withMatchExpressions(Deployments.nullIfEmpty(selection.matchExpressions().stream()
                        .map(EgressDestinations::requirement)
                        .toList()))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.LabelSelectorRequirement requirement(LabelRequirement requirement) {
        return new LabelSelectorRequirementBuilder()
                .withKey(requirement.key())
                .withOperator(requirement.operator().name())
                .withValues(Deployments.nullIfEmpty(requirement.values()))
                .build();
    }
}
