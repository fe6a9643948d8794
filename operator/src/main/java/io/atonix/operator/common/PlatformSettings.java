package io.atonix.operator.common;

/**
 * What the platform team configures once for the whole operator, and the builders need to know.
 *
 * @param ingressClassName IngressClass for exposed services that name none; null leaves the cluster's default
 * @param monitoring the labels Prometheus and Grafana select the monitoring objects by
 */
public record PlatformSettings(String ingressClassName, MonitoringSettings monitoring) {

    public PlatformSettings(String ingressClassName) {
        this(ingressClassName, MonitoringSettings.defaults());
    }

    public static PlatformSettings defaults() {
        return new PlatformSettings(null, MonitoringSettings.defaults());
    }
}
