package io.atonix.operator.keda;

import io.atonix.operator.kafka.StrimziInMockServer;
import io.atonix.operator.testing.SchemalessCrds;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * A cluster that runs Strimzi and KEDA, as far as the operator can tell: the Atonix and Strimzi CRDs, and KEDA's
 * ScaledObject and TriggerAuthentication (schemaless: the mock server validates nothing; the real tier installs KEDA's
 * real CRDs).
 */
public class KedaInMockServer extends StrimziInMockServer {

    @Override
    public void accept(KubernetesServer server) {
        super.accept(server);
        var crds = server.getClient().apiextensions().v1().customResourceDefinitions();
        crds.resource(SchemalessCrds.of(ScaledObject.GROUP, "v1alpha1", "ScaledObject", "scaledobjects"))
                .create();
        crds.resource(SchemalessCrds.of(
                        ScaledObject.GROUP, "v1alpha1", "TriggerAuthentication", "triggerauthentications"))
                .create();
    }
}
