package io.atonix.operator.monitoring;

import io.atonix.operator.common.CrdPresence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.time.Duration;

/**
 * Whether the cluster serves the Prometheus Operator's API: the ServiceMonitor and PrometheusRule CRDs of
 * monitoring.coreos.com, looked for again every {@link CrdPresence#RECHECK} while missing.
 */
public final class PrometheusOperatorApi {
    public static final Duration RECHECK = CrdPresence.RECHECK;
    static final String SERVICE_MONITORS = HasMetadata.getFullResourceName(ServiceMonitor.class);
    static final String PROMETHEUS_RULES = HasMetadata.getFullResourceName(PrometheusRule.class);

    private PrometheusOperatorApi() {}

    public static boolean installed(KubernetesClient client) {
        return CrdPresence.present(client, SERVICE_MONITORS) && CrdPresence.present(client, PROMETHEUS_RULES);
    }
}
