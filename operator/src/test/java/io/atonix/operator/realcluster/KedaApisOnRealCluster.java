package io.atonix.operator.realcluster;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The real CRDs of KEDA v2.21.0 (config/crd/bases of its Go module), for one test class ({@link ClassCrds}). */
public final class KedaApisOnRealCluster {
    public static final String KEDA = "github.com/kedacore/keda/v2@v2.21.0";

    private KedaApisOnRealCluster() {}

    /** Installs KEDA's CRDs and waits until the API server serves their kinds; the cluster must have none. */
    public static ClassCrds install(KubernetesClient admin) {
        return ClassCrds.install(
                admin,
                "KEDA's",
                ClassCrds.inDirectory(admin, TestPrograms.goModule(KEDA).resolve("config/crd/bases")));
    }
}
