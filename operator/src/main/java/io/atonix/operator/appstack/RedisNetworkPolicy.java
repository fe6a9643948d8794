package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.NetworkPolicyParts.consumers;
import static io.atonix.operator.appstack.NetworkPolicyParts.dns;
import static io.atonix.operator.appstack.NetworkPolicyParts.namespace;
import static io.atonix.operator.appstack.NetworkPolicyParts.policy;
import static io.atonix.operator.appstack.NetworkPolicyParts.selector;
import static io.atonix.operator.appstack.NetworkPolicyParts.tcp;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.redis.RedisConfig;
import io.atonix.operator.redis.RedisStatefulSets;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/** The NetworkPolicy of a stack's Redis, one of the stack's {@link NetworkPolicies}. */
final class RedisNetworkPolicy {
    private RedisNetworkPolicy() {}

    /** Redis: its users on 6379, Prometheus on the exporter; the operator never connects to it. */
    static NetworkPolicy of(AppStack stack, NetworkSettings network, boolean egress) {
        String name = stack.getMetadata().getName();
        List<String> users = stack.getSpec().workloads().stream()
                .filter(s -> s.connectsTo(UseKind.Redis))
                .map(ServiceSpec::name)
                .toList();
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        if (!users.isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(NetworkPolicyParts.pods(consumers(name, users)))
                    .withPorts(tcp(RedisConfig.PORT))
                    .build());
        }
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .withFrom(namespace(network.prometheusNamespace()))
                .withPorts(tcp(RedisStatefulSets.EXPORTER_PORT))
                .build());
        return policy(stack, Names.redis(name), pods(stack), egress, rules, egress ? List.of(dns()) : null);
    }

    /** The Redis' pods, which its policy selects and the services' egress reaches. */
    static LabelSelector pods(AppStack stack) {
        return selector(Labels.REDIS, Names.redis(stack.getMetadata().getName()));
    }
}
