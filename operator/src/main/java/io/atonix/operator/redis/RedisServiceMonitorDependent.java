package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.OptionalChildDependent;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The ServiceMonitor of the redis_exporter, whose port "metrics" the Redis' Service exposes: as spec.monitoring asks,
 * wherever the Prometheus Operator's CRDs are.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.REDIS_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class RedisServiceMonitorDependent extends OptionalChildDependent<ServiceMonitor, Redis> {
    static final String KEY = "exporter";

    @Inject
    PlatformSettings platform;

    public RedisServiceMonitorDependent() {
        super(ServiceMonitor.class, KEY, Labels.REDIS);
    }

    @Override
    protected Optional<ServiceMonitor> desiredChild(Redis primary) {
        return RedisMonitoring.serviceMonitor(primary, platform);
    }
}
