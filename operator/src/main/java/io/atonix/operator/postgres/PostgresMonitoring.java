package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.monitoring.ServiceMonitors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Optional;

/** The monitoring objects of a Postgres, as pure functions: its postgres_exporter's ServiceMonitor. */
public final class PostgresMonitoring {

    private PostgresMonitoring() {}

    public static List<HasMetadata> desired(Postgres postgres, PlatformSettings platform) {
        return List.copyOf(serviceMonitor(postgres, platform).stream().toList());
    }

    /** The ServiceMonitor of the postgres_exporter, which the read-write Service exposes as port "metrics". */
    public static Optional<ServiceMonitor> serviceMonitor(Postgres postgres, PlatformSettings platform) {
        return ServiceMonitors.forExporter(
                postgres,
                postgres.getSpec().monitoringOrDefault(),
                PostgresServices.labels(postgres),
                PostgresServices.selector(postgres),
                platform);
    }
}
