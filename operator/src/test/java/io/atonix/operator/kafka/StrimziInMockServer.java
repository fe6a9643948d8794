package io.atonix.operator.kafka;

import io.atonix.operator.appstack.CrdsInMockServer;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/** The operator's CRDs and Strimzi's, served at v1 as Strimzi 0.49+ and 1.x serve them. */
public class StrimziInMockServer extends CrdsInMockServer {

    @Override
    public void accept(KubernetesServer server) {
        super.accept(server);
        StrimziCrds.register(server.getClient(), StrimziApiVersion.V1);
    }
}
