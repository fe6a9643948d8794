package io.atonix.operator.appstack;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Egress as a network plugin decides it, for a pod of the stack's namespace: allowed when no policy that selects the
 * pod lists Egress, or when one of those policies has a rule whose peers admit the destination and whose ports admit
 * the port and protocol. IPv4 only; its own arithmetic, so that it does not judge the operator by the operator's code.
 */
final class EgressJudge {
    static final String NS = "shop-ns";

    /** An address outside the cluster, or a pod of a namespace. */
    record Destination(String ip, String namespace, Map<String, String> labels) {}

    private EgressJudge() {}

    static Destination ip(String address) {
        return new Destination(address, null, null);
    }

    static Destination pod(String namespace, Map<String, String> labels) {
        return new Destination(null, namespace, labels);
    }

    static boolean reaches(
            Collection<NetworkPolicy> policies, Map<String, String> from, Destination to, int port, String protocol) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress")
                        && matches(p.getSpec().getPodSelector(), from))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> p.getSpec().getEgress() == null
                        ? java.util.stream.Stream.empty()
                        : p.getSpec().getEgress().stream())
                .anyMatch(rule -> admitsPeer(rule, to) && admitsPort(rule, port, protocol));
    }

    private static boolean admitsPeer(NetworkPolicyEgressRule rule, Destination to) {
        return rule.getTo() == null
                || rule.getTo().isEmpty()
                || rule.getTo().stream().anyMatch(peer -> admits(peer, to));
    }

    private static boolean admitsPort(NetworkPolicyEgressRule rule, int port, String protocol) {
        if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : rule.getPorts()) {
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            int first = p.getPort().getIntVal();
            int last = p.getEndPort() == null ? first : p.getEndPort();
            if (port >= first && port <= last) {
                return true;
            }
        }
        return false;
    }

    private static boolean admits(NetworkPolicyPeer peer, Destination to) {
        if (peer.getIpBlock() != null) {
            return to.ip() != null && inBlock(peer.getIpBlock(), to.ip());
        }
        if (to.ip() != null) {
            return false;
        }
        boolean namespace = peer.getNamespaceSelector() == null
                ? NS.equals(to.namespace())
                : matches(peer.getNamespaceSelector(), Map.of(NetworkPolicies.NAMESPACE_NAME, to.namespace()));
        return namespace && (peer.getPodSelector() == null || matches(peer.getPodSelector(), to.labels()));
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return inRange(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inRange(e, ip)));
    }

    private static boolean inRange(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address(parts[0]) & mask) == (address(ip) & mask);
    }

    private static long address(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean all = required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return all
                && expressions.stream().allMatch(e -> switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> throw new IllegalArgumentException(e.getOperator());
                });
    }
}
