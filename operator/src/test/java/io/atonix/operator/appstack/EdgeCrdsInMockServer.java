package io.atonix.operator.appstack;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
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
        crds.resource(crd("cert-manager.io", "Certificate", "certificates")).create();
        crds.resource(crd("gateway.networking.k8s.io", "HTTPRoute", "httproutes"))
                .create();
    }

    static CustomResourceDefinition crd(String group, String kind, String plural) {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase())
                .withListKind(kind + "List")
                .endNames()
                .addNewVersion()
                .withName("v1")
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
