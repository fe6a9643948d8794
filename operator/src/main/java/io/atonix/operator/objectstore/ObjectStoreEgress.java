package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The way out, under egress DeclaredOnly, from a service to the object stores it uses: TCP to the endpoint's port, at
 * exactly the endpoint's address when it is an IP address, at any address when it is a host name (a NetworkPolicy
 * names no hosts, and the operator does not resolve them: see {@link ObjectStoreEndpoint}). A stack that must narrow
 * a named endpoint further declares the store by IP address, or lets a cluster-wide egress gateway decide.
 */
public final class ObjectStoreEgress {

    private ObjectStoreEgress() {}

    /** One rule per endpoint the service's uses reach, in the order of its uses; none for a service without. */
    public static List<NetworkPolicyEgressRule> rules(AppStackSpec spec, ServiceSpec service) {
        Set<ObjectStoreEndpoint> endpoints = new LinkedHashSet<>();
        service.uses(UseKind.ObjectStore)
                .forEach(use -> spec.objectStore(use.objectStore().store())
                        .map(ObjectStore::endpoint)
                        .map(ObjectStoreEndpoint::of)
                        .ifPresent(endpoints::add));
        return endpoints.stream().map(ObjectStoreEgress::rule).toList();
    }

    private static NetworkPolicyEgressRule rule(ObjectStoreEndpoint endpoint) {
        var rule = new NetworkPolicyEgressRuleBuilder()
                .withPorts(new NetworkPolicyPortBuilder()
                        .withProtocol("TCP")
                        .withPort(new IntOrString(endpoint.port()))
                        .build());
        endpoint.cidr()
                .ifPresent(cidr -> rule.withTo(new NetworkPolicyPeerBuilder()
                        .withNewIpBlock()
                        .withCidr(cidr)
                        .endIpBlock()
                        .build()));
        return rule.build();
    }
}
