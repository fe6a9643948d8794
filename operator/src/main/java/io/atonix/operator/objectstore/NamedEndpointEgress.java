package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.operator.common.SpecProblem;
import java.util.List;
import java.util.Optional;

/**
 * Under egress DeclaredOnly, a service that uses an object store by host name needs its way out declared in
 * spec.networkPolicy.egressTo: a NetworkPolicy cannot name a host, and opening the endpoint's port to every address
 * would open what DeclaredOnly closes. So render and the controller refuse such a stack rather than let the service
 * fail to reach its bucket in silence, as they do for a PostgreSQL archive. An endpoint given by IP address needs
 * nothing: {@link ObjectStoreEgress} writes its rule.
 */
public final class NamedEndpointEgress {

    private NamedEndpointEgress() {}

    /**
     * Whether some destination lets the service out on the endpoint's TCP port. Which addresses it names, the
     * operator cannot tell: those are the stack's to get right.
     */
    private static boolean declared(NetworkPolicySpec policy, String service, int port) {
        return policy.egressTo().stream()
                .filter(destination -> destination.allows(service))
                .anyMatch(destination -> destination.ports().isEmpty()
                        || destination.ports().stream()
                                .anyMatch(p -> p.protocolOrDefault().name().equals("TCP")
                                        && p.port() <= port
                                        && port <= (p.endPort() == null ? p.port() : p.endPort())));
    }

    /**
     * For a use of a claimed store, once COSI named its endpoint: the way out the stack must still declare, as a
     * sentence for the stack's status, since no one could check it before.
     */
    static Optional<String> granted(AppStackSpec spec, ObjectStoreBindings.Binding binding, String url) {
        NetworkPolicySpec policy = spec.networkPolicy();
        ObjectStoreEndpoint endpoint = ObjectStoreEndpoint.of(url);
        if (policy == null
                || Boolean.FALSE.equals(policy.enabled())
                || policy.egressOrDefault() != EgressMode.DeclaredOnly
                || endpoint.ip().isPresent()
                || declared(policy, binding.service().name(), endpoint.port())) {
            return Optional.empty();
        }
        return Optional.of("under egress DeclaredOnly, service "
                + binding.service().name() + " reaches object store "
                + binding.store().name() + " at the host name " + endpoint.host() + " that COSI granted, which a"
                + " NetworkPolicy cannot name: declare its way out in spec.networkPolicy.egressTo with a from that"
                + " names " + binding.service().name() + " and TCP port " + endpoint.port());
    }

    public static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        NetworkPolicySpec policy = spec.networkPolicy();
        if (policy == null
                || Boolean.FALSE.equals(policy.enabled())
                || policy.egressOrDefault() != EgressMode.DeclaredOnly) {
            return;
        }
        for (int s = 0; s < spec.services().size(); s++) {
            ServiceSpec service = spec.services().get(s);
            for (int u = 0; u < service.uses().size(); u++) {
                ServiceUse use = service.uses().get(u);
                Optional<ObjectStore> store = use.objectStore() == null
                        ? Optional.empty()
                        : spec.objectStore(use.objectStore().store());
                if (store.isEmpty() || store.get().claimed()) {
                    // A claimed store's endpoint is COSI's, known in the cluster only: see granted.
                    continue;
                }
                ObjectStoreEndpoint endpoint =
                        ObjectStoreEndpoint.of(store.get().endpoint());
                if (endpoint.ip().isEmpty() && !declared(policy, service.name(), endpoint.port())) {
                    problems.add(new SpecProblem(
                            "spec.services[" + s + "].uses[" + u + "].objectStore",
                            "under egress DeclaredOnly, service " + service.name() + " reaches object store "
                                    + store.get().name() + " at the host name " + endpoint.host()
                                    + ", which a NetworkPolicy cannot name: declare its way out in"
                                    + " spec.networkPolicy.egressTo with a from that names " + service.name()
                                    + " and TCP port " + endpoint.port()
                                    + " (the provider's address ranges, an egress gateway, or the store's pods),"
                                    + " or give the endpoint by IP address"));
                }
            }
        }
    }
}
