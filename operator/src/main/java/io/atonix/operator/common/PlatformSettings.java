package io.atonix.operator.common;

/**
 * What the platform team configures once for the whole operator, and the builders need to know.
 *
 * @param ingressClassName IngressClass of a stack's Ingress when its spec.ingress names none; null leaves the cluster's default
 * @param network where the traffic the stacks' NetworkPolicies admit comes from
 * @param monitoring the labels Prometheus and Grafana select the monitoring objects by
 * @param edge whether routes become Ingresses or HTTPRoutes, and the Gateway those attach to
 * @param prometheus the platform's Prometheus that KEDA's Prometheus triggers ask, with its credentials
 * @param cosi the platform's COSI, for object stores that name a BucketClaim
 */
public record PlatformSettings(
        String ingressClassName,
        NetworkSettings network,
        MonitoringSettings monitoring,
        EdgeSettings edge,
        PrometheusSettings prometheus,
        CosiSettings cosi) {

    public PlatformSettings {
        edge = edge == null ? EdgeSettings.ingress() : edge;
        prometheus = prometheus == null ? PrometheusSettings.none() : prometheus;
        cosi = cosi == null ? CosiSettings.none() : cosi;
    }

    /** Settings without a platform Prometheus for KEDA. */
    public PlatformSettings(
            String ingressClassName, NetworkSettings network, MonitoringSettings monitoring, EdgeSettings edge) {
        this(ingressClassName, network, monitoring, edge, PrometheusSettings.none(), CosiSettings.none());
    }

    /** Settings of Ingress mode. */
    public PlatformSettings(String ingressClassName, NetworkSettings network, MonitoringSettings monitoring) {
        this(ingressClassName, network, monitoring, EdgeSettings.ingress());
    }

    public static PlatformSettings defaults() {
        return new PlatformSettings(null, NetworkSettings.defaults(), MonitoringSettings.defaults());
    }

    public PlatformSettings withEdge(EdgeSettings edge) {
        return new PlatformSettings(ingressClassName, network, monitoring, edge, prometheus, cosi);
    }

    public PlatformSettings withPrometheus(PrometheusSettings prometheus) {
        return new PlatformSettings(ingressClassName, network, monitoring, edge, prometheus, cosi);
    }

    public PlatformSettings withCosi(CosiSettings cosi) {
        return new PlatformSettings(ingressClassName, network, monitoring, edge, prometheus, cosi);
    }
}
