package io.atonix.operator.keda;

import io.atonix.operator.kafka.StrimziInMockServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
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
        crds.resource(crd("ScaledObject", "scaledobjects")).create();
        crds.resource(crd("TriggerAuthentication", "triggerauthentications")).create();
    }

    private static CustomResourceDefinition crd(String kind, String plural) {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + ScaledObject.GROUP)
                .endMetadata()
                .withNewSpec()
                .withGroup(ScaledObject.GROUP)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase())
                .withListKind(kind + "List")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }
}
