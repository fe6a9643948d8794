package io.atonix.operator.appstack;

import io.atonix.operator.testing.SchemalessCrds;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * A cluster that runs cert-manager and the Gateway API, as far as the operator can tell: the Atonix CRDs, cert-manager's
 * Certificate and the Gateway API's HTTPRoute (schemaless: the mock server validates nothing; the real tier installs
 * their real CRDs).
 */
public class EdgeCrdsInMockServer extends CrdsInMockServer {

    @Override
    public void accept(KubernetesServer server) {
        super.accept(server);
        var crds = server.getClient().apiextensions().v1().customResourceDefinitions();
        crds.resource(SchemalessCrds.of("cert-manager.io", "v1", "Certificate", "certificates"))
                .create();
        crds.resource(SchemalessCrds.of("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes"))
                .create();
    }
}
