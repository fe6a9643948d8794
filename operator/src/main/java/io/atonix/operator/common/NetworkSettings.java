package io.atonix.operator.common;

/**
 * Where the traffic a stack's NetworkPolicies let in comes from, set once by the platform team: namespaces are matched
 * by their {@code kubernetes.io/metadata.name} label, which the API server sets on every namespace.
 *
 * @param ingressNamespace the ingress controller's namespace, allowed to reach exposed services
 * @param prometheusNamespace Prometheus' namespace, allowed to reach metrics ports
 * @param operatorNamespace the operator's own namespace, whose pods provision databases over their ports
 */
public record NetworkSettings(String ingressNamespace, String prometheusNamespace, String operatorNamespace) {

    public static NetworkSettings defaults() {
        return new NetworkSettings("ingress-nginx", "monitoring", "atonix-system");
    }
}
