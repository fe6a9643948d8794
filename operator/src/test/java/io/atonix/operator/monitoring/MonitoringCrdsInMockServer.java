package io.atonix.operator.monitoring;

import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.testing.SchemalessCrds;
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
                .resource(SchemalessCrds.of("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors"))
                .create();
        server.getClient()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(SchemalessCrds.of("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules"))
                .create();
    }
}
