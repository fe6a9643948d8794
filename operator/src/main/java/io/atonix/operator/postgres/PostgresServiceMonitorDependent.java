package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.OptionalChildDependent;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The ServiceMonitor of the postgres_exporter; removed when spec.monitoring.enabled is false. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresServiceMonitorDependent extends OptionalChildDependent<ServiceMonitor, Postgres> {
    static final String KEY = "exporter";

    @Inject
    PlatformSettings platform;

    public PostgresServiceMonitorDependent() {
        super(ServiceMonitor.class, KEY, Labels.POSTGRES);
    }

    @Override
    protected Optional<ServiceMonitor> desiredChild(Postgres primary) {
        return PostgresMonitoring.serviceMonitor(primary, platform);
    }
}
