package io.atonix.operator.edge;

import io.atonix.operator.common.CrdPresence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Whether the cluster serves cert-manager's Certificate, looked for again every {@link CrdPresence#RECHECK} while missing. */
public final class CertManagerApi {
    public static final String CERTIFICATES = HasMetadata.getFullResourceName(Certificate.class);

    private CertManagerApi() {}

    public static boolean installed(KubernetesClient client) {
        return CrdPresence.present(client, CERTIFICATES);
    }
}
