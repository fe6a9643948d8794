package io.atonix.operator.keda;

import io.atonix.operator.common.CrdPresence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Whether the cluster runs KEDA, told by its ScaledObject CRD, looked for again every {@link CrdPresence#RECHECK}
 * while missing.
 */
public final class KedaApi {
    public static final String SCALED_OBJECTS = HasMetadata.getFullResourceName(ScaledObject.class);

    private KedaApi() {}

    public static boolean installed(KubernetesClient client) {
        return CrdPresence.present(client, SCALED_OBJECTS);
    }
}
