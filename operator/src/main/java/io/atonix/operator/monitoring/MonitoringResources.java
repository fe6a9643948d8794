package io.atonix.operator.monitoring;

import java.util.ArrayList;
import java.util.List;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.atonix.operator.common.Labels;
import io.atonix.api.v1alpha1.common.ExporterMonitoring;
import io.atonix.api.v1alpha1.redis.Redis;
import java.util.Optional;
import java.util.Map;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Every monitoring object the operator creates, as pure functions: for a stack its services' ServiceMonitors, its
 * PrometheusRule and its dashboard; for a Postgres its exporter's ServiceMonitor. The render command prints these;
 * the dependents create them where the cluster runs the Prometheus Operator.
 */
public final class MonitoringResources {

    private MonitoringResources() {
    }

    public static List<HasMetadata> forStack(AppStack stack, PlatformSettings platform) {
        List<HasMetadata> objects = new ArrayList<>(
                AppStackResources.perService(stack, (s, service) -> ServiceMonitors.forService(s, service, platform)).values());
        StackAlerts.desired(stack, platform).ifPresent(objects::add);
        StackDashboards.desired(stack, platform).ifPresent(objects::add);
        return objects;
    }

    public static List<HasMetadata> forPostgres(Postgres postgres, PlatformSettings platform) {
        return new ArrayList<>(ServiceMonitors.forPostgres(postgres, platform).stream().toList());
    }

    public static List<HasMetadata> forRedis(Redis redis, PlatformSettings platform) {
        return new ArrayList<>(redisExporter(redis, platform).stream().toList());
    }

    /** The redis_exporter's ServiceMonitor: a Redis has no monitoring switch of its own, so always, where the CRDs are. */
    public static Optional<ServiceMonitor> redisExporter(Redis redis, PlatformSettings platform) {
        String name = redis.getMetadata().getName();
        String partOf = Optional.ofNullable(redis.getMetadata().getLabels()).map(l -> l.get(Labels.PART_OF)).orElse(name);
        return ServiceMonitors.forRedis(redis, ExporterMonitoring.defaults(), Labels.forRedis(name, partOf), Map.of(Labels.REDIS, name), platform);
    }
}
