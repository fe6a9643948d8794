package io.atonix.operator.realcluster;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The real CRDs of cert-manager v1.21.2 (deploy/crds of its Go module) and of the Gateway API v1.6.3's standard channel
 * (config/crd/standard of its Go module), for one test class whose cert-manager and Gateway controller are then
 * played ({@link ClassCrds}).
 */
public final class EdgeApisOnRealCluster {
    public static final String CERT_MANAGER = "github.com/cert-manager/cert-manager@v1.21.2";
    public static final String GATEWAY_API = "sigs.k8s.io/gateway-api@v1.6.3";

    private EdgeApisOnRealCluster() {}

    /** Installs both projects' CRDs and waits until the API server serves their kinds; the cluster must have none. */
    public static ClassCrds install(KubernetesClient admin) {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        crds.addAll(
                ClassCrds.inDirectory(admin, TestPrograms.goModule(CERT_MANAGER).resolve("deploy/crds")));
        crds.addAll(
                ClassCrds.inDirectory(admin, TestPrograms.goModule(GATEWAY_API).resolve("config/crd/standard")));
        return ClassCrds.install(admin, "cert-manager's and the Gateway API's", crds);
    }
}
