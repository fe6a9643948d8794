package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.monitoring.ServiceMonitors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The monitoring objects of a Redis, as pure functions: its redis_exporter's ServiceMonitor. */
public final class RedisMonitoring {

    private RedisMonitoring() {}

    public static List<HasMetadata> desired(Redis redis, PlatformSettings platform) {
        return List.copyOf(serviceMonitor(redis, platform).stream().toList());
    }

    /** The redis_exporter's ServiceMonitor, as spec.monitoring asks, where the Prometheus Operator's CRDs are. */
    public static Optional<ServiceMonitor> serviceMonitor(Redis redis, PlatformSettings platform) {
        String name = redis.getMetadata().getName();
        String partOf = Optional.ofNullable(redis.getMetadata().getLabels())
                .map(l -> l.get(Labels.PART_OF))
                .orElse(name);
        return ServiceMonitors.forExporter(
                redis,
                redis.getSpec().monitoringOrDefault(),
                Labels.forRedis(name, partOf),
                Map.of(Labels.REDIS, name),
                platform);
    }
}
