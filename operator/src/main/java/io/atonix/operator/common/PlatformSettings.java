package io.atonix.operator.common;

/**
 * What the platform team configures once for the whole operator, and the builders need to know.
 *
 * @param ingressClassName IngressClass of a stack's Ingress when its spec.ingress names none; null leaves the cluster's default
 * @param network where the traffic the stacks' NetworkPolicies admit comes from
 * @param monitoring the labels Prometheus and Grafana select the monitoring objects by
 * @param edge whether routes become Ingresses or HTTPRoutes, and the Gateway those attach to
 */
public record PlatformSettings(
        String ingressClassName, NetworkSettings network, MonitoringSettings monitoring, EdgeSettings edge) {

    public PlatformSettings {
        edge = edge == null ? EdgeSettings.ingress() : edge;
    }

    /** Settings of Ingress mode. */
    public PlatformSettings(String ingressClassName, NetworkSettings network, MonitoringSettings monitoring) {
        this(ingressClassName, network, monitoring, EdgeSettings.ingress());
    }

    public static PlatformSettings defaults() {
        return new PlatformSettings(null, NetworkSettings.defaults(), MonitoringSettings.defaults());
    }

    public PlatformSettings withEdge(EdgeSettings edge) {
        return new PlatformSettings(ingressClassName, network, monitoring, edge);
    }
}
