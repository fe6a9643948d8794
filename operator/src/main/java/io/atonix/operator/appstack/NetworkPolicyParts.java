package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pieces {@link NetworkPolicies} builds its policies of: peers, ports, selectors and the policy's frame. */
final class NetworkPolicyParts {

    private NetworkPolicyParts() {}

    static LabelSelector consumers(String stack, List<String> services) {
        return new LabelSelectorBuilder()
                .addToMatchLabels(Labels.STACK, stack)
                .addNewMatchExpression()
                .withKey(Labels.SERVICE)
                .withOperator("In")
                .withValues(services)
                .endMatchExpression()
                .build();
    }

    static NetworkPolicy policy(
            AppStack stack,
            String policyName,
            LabelSelector pods,
            boolean egress,
            List<NetworkPolicyIngressRule> ingress,
            List<NetworkPolicyEgressRule> egressRules) {
        String name = stack.getMetadata().getName();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, "network-policy");
        labels.put(Labels.COMPONENT, "network-policy");
        labels.put(Labels.PART_OF, name);
        labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
        labels.put(Labels.STACK, name);
        return StackObjects.finish(new NetworkPolicyBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(policyName)
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withPodSelector(pods)
                .withPolicyTypes(egress ? List.of("Ingress", "Egress") : List.of("Ingress"))
                .withIngress(Deployments.nullIfEmpty(ingress))
                .withEgress(egressRules == null ? null : Deployments.nullIfEmpty(egressRules))
                .endSpec()
                .build());
    }

    static NetworkPolicyEgressRule dns() {
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(new NetworkPolicyPeerBuilder()
                        .withNamespaceSelector(new LabelSelector())
                        .withPodSelector(selector("k8s-app", "kube-dns"))
                        .build())
                .withPorts(
                        new NetworkPolicyPortBuilder()
                                .withProtocol("UDP")
                                .withPort(new IntOrString(53))
                                .build(),
                        new NetworkPolicyPortBuilder()
                                .withProtocol("TCP")
                                .withPort(new IntOrString(53))
                                .build())
                .build();
    }

    static NetworkPolicyPeer pods(LabelSelector selector) {
        return new NetworkPolicyPeerBuilder().withPodSelector(selector).build();
    }

    static NetworkPolicyPeer namespace(String namespace) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(selector(NetworkPolicies.NAMESPACE_NAME, namespace))
                .build();
    }

    static NetworkPolicyPort tcp(int port) {
        return new NetworkPolicyPortBuilder()
                .withProtocol("TCP")
                .withPort(new IntOrString(port))
                .build();
    }

    static LabelSelector selector(String key, String value) {
        return new LabelSelectorBuilder().addToMatchLabels(key, value).build();
    }
}
