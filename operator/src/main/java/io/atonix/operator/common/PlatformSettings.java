package io.atonix.operator.common;

/**
 * What the platform team configures once for the whole operator, and the builders need to know.
 *
 * @param ingressClassName IngressClass for exposed services that name none; null leaves the cluster's default
 */
public record PlatformSettings(String ingressClassName) {

    public static PlatformSettings defaults() {
        return new PlatformSettings(null);
    }
}
