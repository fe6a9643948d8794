package io.atonix.operator.redis;

import java.util.Map;
import jakarta.inject.Inject;
import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The ServiceMonitor of the redis_exporter, whose port "metrics" the Redis' Service exposes. A Redis has no monitoring
 * switch of its own yet: the ServiceMonitor exists wherever the Prometheus Operator's CRDs do.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.REDIS_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class RedisServiceMonitorDependent extends StampedDependent<ServiceMonitor, Redis>
        implements BulkDependentResource<ServiceMonitor, Redis, String> {
    static final String KEY = "exporter";

    @Inject
    PlatformSettings platform;

    public RedisServiceMonitorDependent() {
        super(ServiceMonitor.class);
    }

    @Override
    public Map<String, ServiceMonitor> desiredResources(Redis primary, Context<Redis> context) {
        return RedisMonitoring.serviceMonitor(primary, platform).map(monitor -> Map.of(KEY, monitor)).orElse(Map.of());
    }

    @Override
    public Map<String, ServiceMonitor> getSecondaryResources(Redis primary, Context<Redis> context) {
        return Secondaries.labelled(context, ServiceMonitor.class, Labels.REDIS, primary.getMetadata().getName(), m -> KEY);
    }

    @Override
    public void deleteTargetResource(Redis primary, ServiceMonitor resource, String key, Context<Redis> context) {
        context.getClient().resource(resource).delete();
    }
}
