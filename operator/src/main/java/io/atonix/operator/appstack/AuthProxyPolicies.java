package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.NetworkPolicyParts.dns;
import static io.atonix.operator.appstack.NetworkPolicyParts.namespace;
import static io.atonix.operator.appstack.NetworkPolicyParts.pods;
import static io.atonix.operator.appstack.NetworkPolicyParts.policy;
import static io.atonix.operator.appstack.NetworkPolicyParts.tcp;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.NetworkSettings;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.List;

/**
 * The NetworkPolicy of a service's oauth2-proxy: the edge in on the proxy's port; under egress DeclaredOnly, out to
 * DNS, to its service's pods on the service's port, and to HTTPS anywhere, where the OIDC issuer is (its address is
 * a name the spec gives, not a range a NetworkPolicy could name).
 */
final class AuthProxyPolicies {
    static final int HTTPS = 443;

    private AuthProxyPolicies() {}

    static NetworkPolicy desired(AppStack stack, ServiceSpec service, NetworkSettings network, boolean egress) {
        String name = stack.getMetadata().getName();
        var proxyPods = new LabelSelectorBuilder()
                .withMatchLabels(Labels.authProxySelector(name, service.name()))
                .build();
        var in = new NetworkPolicyIngressRuleBuilder()
                .withFrom(namespace(network.ingressNamespace()))
                .withPorts(tcp(AuthProxyArgs.PORT))
                .build();
        List<NetworkPolicyEgressRule> out = null;
        if (egress) {
            out = List.of(
                    dns(),
                    new NetworkPolicyEgressRuleBuilder()
                            .withTo(pods(new LabelSelectorBuilder()
                                    .withMatchLabels(Labels.serviceSelector(name, service.name()))
                                    .build()))
                            .withPorts(tcp(service.port()))
                            .build(),
                    new NetworkPolicyEgressRuleBuilder()
                            .withTo(
                                    new NetworkPolicyPeerBuilder()
                                            .withNewIpBlock()
                                            .withCidr("0.0.0.0/0")
                                            .endIpBlock()
                                            .build(),
                                    new NetworkPolicyPeerBuilder()
                                            .withNewIpBlock()
                                            .withCidr("::/0")
                                            .endIpBlock()
                                            .build())
                            .withPorts(tcp(HTTPS))
                            .build());
        }
        return policy(stack, Names.authProxy(name, service.name()), proxyPods, egress, List.of(in), out);
    }
}
