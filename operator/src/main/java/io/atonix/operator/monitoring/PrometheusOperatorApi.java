package io.atonix.operator.monitoring;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Whether the cluster serves the Prometheus Operator's API: the ServiceMonitor and PrometheusRule CRDs of
 * monitoring.coreos.com. Like java-operator-sdk's CRDPresentActivationCondition it remembers a CRD once seen (CRDs
 * of an installed operator are not removed under it), but it keeps looking for a missing one every
 * {@link #RECHECK} for as long as the operator runs, so that installing the Prometheus Operator later is noticed
 * at the next reconcile of each stack, without a restart.
 */
public final class PrometheusOperatorApi {
    public static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(PrometheusOperatorApi.class);
    static final String SERVICE_MONITORS = HasMetadata.getFullResourceName(ServiceMonitor.class);
    static final String PROMETHEUS_RULES = HasMetadata.getFullResourceName(PrometheusRule.class);
    /** Keyed by API server and CRD name; the last time a missing CRD was looked for, or {@link Instant#MAX} once seen. */
    private static final Map<String, Instant> SEEN = new ConcurrentHashMap<>();

    private PrometheusOperatorApi() {}

    public static boolean installed(KubernetesClient client) {
        return present(client, SERVICE_MONITORS) && present(client, PROMETHEUS_RULES);
    }

    private static boolean present(KubernetesClient client, String crd) {
        String key = client.getMasterUrl() + " " + crd;
        Instant now = Instant.now();
        Instant state = SEEN.compute(key, (k, checked) -> {
            if (checked != null
                    && (checked.equals(Instant.MAX) || checked.plus(RECHECK).isAfter(now))) {
                return checked;
            }
            try {
                return client.resources(CustomResourceDefinition.class)
                                        .withName(crd)
                                        .get()
                                != null
                        ? Instant.MAX
                        : now;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    throw e;
                }
                // Not allowed to look is treated as absent, so that the rest of a stack still reconciles.
                LOG.warnf(
                        "cannot read CustomResourceDefinition %s (%s): monitoring stays off until the operator may get it",
                        crd,
                        e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
                return now;
            }
        });
        return state.equals(Instant.MAX);
    }
}
