package io.atonix.operator.objectstore;

import io.atonix.operator.common.CrdPresence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Whether the cluster runs COSI, told by its BucketAccess CRD, looked for again every {@link CrdPresence#RECHECK}
 * while missing.
 */
public final class CosiApi {
    public static final String BUCKET_ACCESSES = HasMetadata.getFullResourceName(BucketAccess.class);

    private CosiApi() {}

    public static boolean installed(KubernetesClient client) {
        return CrdPresence.present(client, BUCKET_ACCESSES);
    }
}
