package io.atonix.operator.common;

import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the operator watches the whole cluster or is confined to the namespaces the chart lists (watchNamespaces):
 * confined, it holds no cluster-wide right, so it must not ask for cluster-scoped objects such as PersistentVolumes.
 */
public final class WatchScope {
    private static final String NAMESPACES = "quarkus.operator-sdk.namespaces";
    private static final String ALL = "JOSDK_ALL_NAMESPACES";

    private WatchScope() {}

    public static boolean confined() {
        List<String> namespaces = ConfigProvider.getConfig()
                .getOptionalValues(NAMESPACES, String.class)
                .orElse(List.of());
        return !namespaces.isEmpty() && !namespaces.contains(ALL);
    }
}
