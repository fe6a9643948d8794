package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Whether the cluster serves an optional ecosystem's CRD (the Prometheus Operator's, cert-manager's, the Gateway
 * API's). Like java-operator-sdk's CRDPresentActivationCondition it remembers a CRD once seen (CRDs of an installed
 * system are not removed under it), but it keeps looking for a missing one every {@link #RECHECK} for as long as the
 * operator runs, so that installing the system later is noticed at the next reconcile of each stack, without a
 * restart.
 */
public final class CrdPresence {
    public static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(CrdPresence.class);
    /**
     * Per client (one per operator instance, and a new one for a new API server), keyed by CRD name: the last time a
     * missing CRD was looked for, or {@link Instant#MAX} once seen.
     */
    private static final Map<KubernetesClient, Map<String, Instant>> SEEN =
            Collections.synchronizedMap(new WeakHashMap<>());

    private CrdPresence() {}

    /** @param crd the CRD's name, {@code <plural>.<group>} */
    public static boolean present(KubernetesClient client, String crd) {
        Instant now = Instant.now();
        Instant state = SEEN.computeIfAbsent(client, c -> new ConcurrentHashMap<>())
                .compute(crd, (k, checked) -> {
                    if (checked != null
                            && (checked.equals(Instant.MAX)
                                    || checked.plus(RECHECK).isAfter(now))) {
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
                                "cannot read CustomResourceDefinition %s (%s): what needs it stays off until the operator may get it",
                                crd,
                                e.getStatus() == null
                                        ? e.getMessage()
                                        : e.getStatus().getMessage());
                        return now;
                    }
                });
        return state.equals(Instant.MAX);
    }
}
