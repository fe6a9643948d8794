package io.atonix.operator.edge;

import io.atonix.operator.common.CrdPresence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Whether the cluster serves the Gateway API's HTTPRoute, looked for again every {@link CrdPresence#RECHECK} while missing. */
public final class GatewayApi {
    public static final String HTTP_ROUTES = HasMetadata.getFullResourceName(HTTPRoute.class);

    private GatewayApi() {}

    public static boolean installed(KubernetesClient client) {
        return CrdPresence.present(client, HTTP_ROUTES);
    }
}
