package io.atonix.operator.observability;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * java-operator-sdk's reconciliation metrics, recorded in the registry that /q/metrics serves.
 * <p>
 * quarkus-operator-sdk 7.7 produces its {@code Metrics} from a Micrometer {@code MeterBinder}, which is only
 * bound once Micrometer configures its registries. In the packaged application the operator's configuration is
 * built before that, takes the binder's initial {@code Metrics.NOOP}, and the reconciliation metrics never appear
 * (quarkus-operator-sdk issue 1385; @QuarkusTest happens to bind first, which hid it). Building the metrics from the
 * injected registry instead makes the order irrelevant; the extension's producer is a default bean, so this one
 * replaces it.
 */
@ApplicationScoped
public class OperatorMetrics {

    @Produces
    @Singleton
    Metrics reconciliationMetrics(MeterRegistry registry) {
        return MicrometerMetricsV2.newBuilder(registry).build();
    }
}
