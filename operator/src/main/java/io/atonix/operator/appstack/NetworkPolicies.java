package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.NetworkPolicyParts.consumers;
import static io.atonix.operator.appstack.NetworkPolicyParts.dns;
import static io.atonix.operator.appstack.NetworkPolicyParts.namespace;
import static io.atonix.operator.appstack.NetworkPolicyParts.pods;
import static io.atonix.operator.appstack.NetworkPolicyParts.policy;
import static io.atonix.operator.appstack.NetworkPolicyParts.selector;
import static io.atonix.operator.appstack.NetworkPolicyParts.tcp;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.objectstore.GrantedEndpoints;
import io.atonix.operator.objectstore.ObjectStoreEgress;
import io.atonix.operator.postgres.PostgresConfig;
import io.atonix.operator.postgres.PostgresStatefulSets;
import io.atonix.operator.redis.RedisConfig;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's NetworkPolicies, from the edges its spec declares. Every pod of the stack (its services and its data
 * stores, all labelled part-of the stack) is closed to ingress, then each policy opens exactly one kind of edge:
 * the services of the stack to each other on their ports, the ingress controller to exposed services, Prometheus to
 * metrics ports, a service to the database and the Redis it {@code uses}, and the operator to the database it
 * provisions. Policies add up in Kubernetes, so a service that does not use the database matches no rule that admits
 * it there. Under egress DeclaredOnly the same policies close egress to DNS, those edges and what egressTo grants.
 */
public final class NetworkPolicies {
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
    /** The label the operator's pods carry (the chart's name). */
    static final String OPERATOR_POD_LABEL = "atonix-operator";

    private NetworkPolicies() {}

    /** Keyed by policy name; empty when the stack turns NetworkPolicies off. */
    public static Map<String, NetworkPolicy> desired(AppStack stack, NetworkSettings network) {
        return desired(stack, network, GrantedEndpoints.none());
    }

    /** @param granted the endpoints COSI granted the stack's claimed object stores */
    public static Map<String, NetworkPolicy> desired(
            AppStack stack, NetworkSettings network, GrantedEndpoints granted) {
        NetworkPolicySpec spec = stack.getSpec().networkPolicy();
        Map<String, NetworkPolicy> policies = new LinkedHashMap<>();
        if (spec != null && Boolean.FALSE.equals(spec.enabled())) {
            return policies;
        }
        boolean egress = spec != null && spec.egressOrDefault() == EgressMode.DeclaredOnly;
        String name = stack.getMetadata().getName();
        add(
                policies,
                policy(
                        stack,
                        name + "-deny-all",
                        selector(Labels.PART_OF, name),
                        egress,
                        List.of(),
                        egress ? List.of() : null));
        for (ServiceSpec service : stack.getSpec().workloads()) {
            add(
                    policies,
                    policy(
                            stack,
                            Names.service(name, service.name()),
                            new LabelSelectorBuilder()
                                    .withMatchLabels(Labels.serviceSelector(name, service.name()))
                                    .build(),
                            egress,
                            serviceIngress(stack, service, network),
                            egress ? serviceEgress(stack, spec, service, granted) : null));
        }
        for (ServiceSpec service : AuthProxies.protectedServices(stack)) {
            add(policies, AuthProxyPolicies.desired(stack, service, network, egress));
        }
        if (stack.getSpec().postgres() != null) {
            add(policies, postgres(stack, network, egress ? spec : null));
        }
        if (stack.getSpec().redis() != null) {
            add(policies, RedisNetworkPolicy.of(stack, network, egress));
        }
        return policies;
    }

    private static List<NetworkPolicyIngressRule> serviceIngress(
            AppStack stack, ServiceSpec service, NetworkSettings network) {
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        List<NetworkPolicyPort> ports = new ArrayList<>();
        if (service.hasPort()) {
            ports.add(tcp(service.port()));
        }
        for (ServicePort extra : service.additionalPorts()) {
            ports.add(tcp(extra.port()));
        }
        // Services of a stack call each other; the spec declares no finer edges between them. A worker that listens
        // on nothing is called by no one.
        if (!ports.isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(pods(selector(Labels.STACK, stack.getMetadata().getName())))
                    .withPorts(ports)
                    .build());
        }
        if (AuthProxies.protects(stack, service)) {
            // The edge reaches a protected service only through its proxy, which signs each request in.
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(pods(new LabelSelectorBuilder()
                            .withMatchLabels(
                                    Labels.authProxySelector(stack.getMetadata().getName(), service.name()))
                            .build()))
                    .withPorts(tcp(service.port()))
                    .build());
        } else if (service.hasPort() && !service.routes().isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(namespace(network.ingressNamespace()))
                    .withPorts(tcp(service.port()))
                    .build());
        }
        if (service.metrics() != null && (service.metrics().port() != null || service.hasPort())) {
            int port = service.metrics().port() == null
                    ? service.port()
                    : service.metrics().port();
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(namespace(network.prometheusNamespace()))
                    .withPorts(tcp(port))
                    .build());
        }
        return rules;
    }

    private static List<NetworkPolicyEgressRule> serviceEgress(
            AppStack stack, NetworkPolicySpec spec, ServiceSpec service, GrantedEndpoints granted) {
        String name = stack.getMetadata().getName();
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        rules.add(dns());
        rules.add(new NetworkPolicyEgressRuleBuilder()
                .withTo(pods(selector(Labels.STACK, name)))
                .build());
        if (service.connectsTo(UseKind.Postgres)) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(pods(postgresPods(stack)))
                    .withPorts(tcp(PostgresConfig.PORT))
                    .build());
        }
        if (service.connectsTo(UseKind.Redis)) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(pods(RedisNetworkPolicy.pods(stack)))
                    .withPorts(tcp(RedisConfig.PORT))
                    .build());
        }
        if (service.connectsTo(UseKind.Kafka) && stack.getSpec().kafka() != null) {
            var cluster = stack.getSpec().kafka().clusterRef();
            String namespace = cluster.namespace() == null ? stack.getMetadata().getNamespace() : cluster.namespace();
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(new NetworkPolicyPeerBuilder()
                            .withNamespaceSelector(selector(NAMESPACE_NAME, namespace))
                            .withPodSelector(selector("strimzi.io/cluster", cluster.name()))
                            .build())
                    .build());
        }
        rules.addAll(ObjectStoreEgress.rules(stack.getSpec(), service, granted));
        rules.addAll(EgressDestinations.grantedTo(spec, service.name()));
        return rules;
    }

    /**
     * The stack's PostgreSQL: its users, its own backup jobs, the operator and Prometheus in; under DeclaredOnly
     * ({@code closed} is then the spec), DNS, itself and the destinations egressTo grants postgres out, which is how
     * its archive reaches an object store.
     */
    private static NetworkPolicy postgres(AppStack stack, NetworkSettings network, NetworkPolicySpec closed) {
        boolean egress = closed != null;
        String name = stack.getMetadata().getName();
        List<String> users = stack.getSpec().workloads().stream()
                .filter(s -> s.connectsTo(UseKind.Postgres))
                .map(ServiceSpec::name)
                .toList();
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        if (!users.isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(pods(consumers(name, users)))
                    .withPorts(tcp(PostgresConfig.PORT))
                    .build());
        }
        // Its own backup jobs, which carry the Postgres' labels.
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .withFrom(pods(postgresPods(stack)))
                .withPorts(tcp(PostgresConfig.PORT))
                .build());
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .withFrom(new NetworkPolicyPeerBuilder()
                        .withNamespaceSelector(selector(NAMESPACE_NAME, network.operatorNamespace()))
                        .withPodSelector(selector(Labels.NAME, OPERATOR_POD_LABEL))
                        .build())
                .withPorts(tcp(PostgresConfig.PORT))
                .build());
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .withFrom(namespace(network.prometheusNamespace()))
                .withPorts(tcp(PostgresStatefulSets.EXPORTER_PORT))
                .build());
        List<NetworkPolicyEgressRule> out = null;
        if (egress) {
            out = new ArrayList<>();
            out.add(dns());
            out.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(pods(postgresPods(stack)))
                    .withPorts(tcp(PostgresConfig.PORT))
                    .build());
            out.addAll(EgressDestinations.grantedTo(closed, EgressDestination.POSTGRES));
        }
        return policy(stack, Names.postgres(name), postgresPods(stack), egress, rules, out);
    }

    private static LabelSelector postgresPods(AppStack stack) {
        return selector(Labels.POSTGRES, Names.postgres(stack.getMetadata().getName()));
    }

    private static void add(Map<String, NetworkPolicy> policies, NetworkPolicy policy) {
        policies.put(policy.getMetadata().getName(), policy);
    }
}
