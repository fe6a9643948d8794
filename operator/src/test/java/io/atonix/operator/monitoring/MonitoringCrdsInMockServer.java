package io.atonix.operator.monitoring;

import io.atonix.operator.appstack.CrdsInMockServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * A cluster that runs the Prometheus Operator, as far as the operator can tell: the Atonix CRDs and the
 * ServiceMonitor and PrometheusRule CRDs of monitoring.coreos.com (schemaless: the mock server validates nothing).
 */
public class MonitoringCrdsInMockServer extends CrdsInMockServer {

    @Override
    public void accept(KubernetesServer server) {
        super.accept(server);
        server.getClient()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(crd("ServiceMonitor", "servicemonitors"))
                .create();
        server.getClient()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(crd("PrometheusRule", "prometheusrules"))
                .create();
    }

    private static CustomResourceDefinition crd(String kind, String plural) {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + ".monitoring.coreos.com")
                .endMetadata()
                .withNewSpec()
                .withGroup("monitoring.coreos.com")
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
