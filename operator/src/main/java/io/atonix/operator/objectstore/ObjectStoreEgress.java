package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The way out, under egress DeclaredOnly, from a service to the object stores it uses by IP address: TCP to exactly
 * that address and the endpoint's port. A host name gets no rule: a NetworkPolicy names no hosts, the operator does
 * not resolve them ({@link ObjectStoreEndpoint}), and the endpoint's port open to every address would open what
 * DeclaredOnly closes; the stack declares that way out in egressTo ({@link NamedEndpointEgress}).
 */
public final class ObjectStoreEgress {

    private ObjectStoreEgress() {}

    /**
     * One rule per IP endpoint the service's uses reach, in the order of its uses; a claimed store's endpoint is the one
     * COSI granted, and none before it did.
     */
    public static List<NetworkPolicyEgressRule> rules(
            AppStackSpec spec, ServiceSpec service, GrantedEndpoints granted) {
        Set<ObjectStoreEndpoint> endpoints = new LinkedHashSet<>();
        service.uses(UseKind.ObjectStore)
                .forEach(use -> spec.objectStore(use.objectStore().store())
                        .flatMap(store -> store.claimed() ? granted.of(store.name()) : Optional.of(store.endpoint()))
                        .map(ObjectStoreEndpoint::of)
                        .filter(endpoint -> endpoint.ip().isPresent())
                        .ifPresent(endpoints::add));
        return endpoints.stream().map(ObjectStoreEgress::rule).toList();
    }

    private static NetworkPolicyEgressRule rule(ObjectStoreEndpoint endpoint) {
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(new NetworkPolicyPeerBuilder()
                        .withNewIpBlock()
                        .withCidr(endpoint.cidr().orElseThrow())
                        .endIpBlock()
                        .build())
                .withPorts(new NetworkPolicyPortBuilder()
                        .withProtocol("TCP")
                        .withPort(new IntOrString(endpoint.port()))
                        .build())
                .build();
    }
}
