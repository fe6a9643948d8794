package io.atonix.operator.postgres;

import java.util.Map;

import jakarta.inject.Inject;

import io.atonix.api.v1alpha1.postgres.Postgres;
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

/** The ServiceMonitor of the postgres_exporter; removed when spec.monitoring.enabled is false. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresServiceMonitorDependent extends StampedDependent<ServiceMonitor, Postgres>
        implements BulkDependentResource<ServiceMonitor, Postgres, String> {
    static final String KEY = "exporter";

    @Inject
    PlatformSettings platform;

    public PostgresServiceMonitorDependent() {
        super(ServiceMonitor.class);
    }

    @Override
    public Map<String, ServiceMonitor> desiredResources(Postgres primary, Context<Postgres> context) {
        return PostgresMonitoring.serviceMonitor(primary, platform).map(monitor -> Map.of(KEY, monitor)).orElse(Map.of());
    }

    @Override
    public Map<String, ServiceMonitor> getSecondaryResources(Postgres primary, Context<Postgres> context) {
        return Secondaries.labelled(context, ServiceMonitor.class, Labels.POSTGRES, primary.getMetadata().getName(), m -> KEY);
    }

    @Override
    public void deleteTargetResource(Postgres primary, ServiceMonitor resource, String key, Context<Postgres> context) {
        context.getClient().resource(resource).delete();
    }
}
