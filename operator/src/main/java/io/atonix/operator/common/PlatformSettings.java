package io.atonix.operator.common;

/**
 * What the platform team configures once for the whole operator, and the builders need to know.
 *
 * @param ingressClassName IngressClass of a stack's Ingress when its spec.ingress names none; null leaves the cluster's default
 * @param network where the traffic the stacks' NetworkPolicies admit comes from
 * @param monitoring the labels Prometheus and Grafana select the monitoring objects by
 */
public record PlatformSettings(String ingressClassName, NetworkSettings network, MonitoringSettings monitoring) {

    public static PlatformSettings defaults() {
        return new PlatformSettings(null, NetworkSettings.defaults(), MonitoringSettings.defaults());
    }
}
