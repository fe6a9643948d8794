package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's SignIn component, from the Deployments of its oauth2-proxies: a protected service is reachable only
 * through its proxy, so a proxy that does not become ready (a provider it cannot reach for discovery, a client Secret
 * that is missing) holds the stack's readiness back as its service's own pods would, and says which proxy it is.
 */
public final class SignInStatus {
    public static final String COMPONENT = "SignIn";
    public static final String REASON_READY = "Ready";
    public static final String REASON_NOT_READY = "AuthProxyNotReady";

    private SignInStatus() {}

    /**
     * @param proxies the stack's stored oauth2-proxy Deployments keyed by the service they sign in
     * @return the component, when some service's auth is Browser or Bearer
     */
    public static Optional<ComponentStatus> of(AppStack stack, Map<String, Deployment> proxies) {
        List<ServiceSpec> protectedServices = AuthProxies.protectedServices(stack);
        if (protectedServices.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (ServiceSpec service : protectedServices) {
            String name = Names.authProxy(stack.getMetadata().getName(), service.name());
            Deployment proxy = proxies.get(service.name());
            if (proxy == null) {
                problems.add("service " + service.name() + ": oauth2-proxy " + name + " is not created yet");
            } else if (!AppStackStatusBuilder.rolledOut(proxy)) {
                int ready = proxy.getStatus() == null || proxy.getStatus().getReadyReplicas() == null
                        ? 0
                        : proxy.getStatus().getReadyReplicas();
                problems.add("service " + service.name() + ": oauth2-proxy " + name + " has " + ready + "/"
                        + proxy.getSpec().getReplicas() + " pods ready (their logs say why: a provider the proxy"
                        + " cannot reach at "
                        + stack.getSpec().oidc().orElseThrow().issuerURL()
                        + ", or a client Secret it cannot read)");
            }
        }
        if (problems.isEmpty()) {
            return Optional.of(ComponentStatus.of(
                    COMPONENT,
                    null,
                    true,
                    REASON_READY,
                    protectedServices.size() + "/" + protectedServices.size() + " sign-in proxies ready"));
        }
        return Optional.of(ComponentStatus.of(COMPONENT, null, false, REASON_NOT_READY, String.join("; ", problems)));
    }
}
