package io.atonix.operator.realcluster;

import static org.awaitility.Awaitility.await;

import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.kafka.StrimziCrds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Strimzi's CRDs (Kafka, KafkaTopic, KafkaUser, served at v1) installed into the real control plane for one test class,
 * whose Strimzi is then played ({@code kafka.PlayStrimzi}). The class removes them when it ends: the classes of a run
 * share the cluster, and the operator of a later class would otherwise find Strimzi, which it reports in every stack's
 * status and watches, and which those classes did not ask for.
 */
public final class StrimziOnRealCluster implements AutoCloseable {
    private final KubernetesClient admin;
    private final List<CustomResourceDefinition> crds = StrimziCrds.servedAt(StrimziApiVersion.V1);

    private StrimziOnRealCluster(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Installs the CRDs and waits until the API server serves their kinds; the cluster must have none of them. */
    public static StrimziOnRealCluster install(KubernetesClient admin) {
        StrimziOnRealCluster strimzi = new StrimziOnRealCluster(admin);
        for (CustomResourceDefinition crd : strimzi.crds) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
            RealCluster.awaitEstablished(admin, crd.getMetadata().getName());
        }
        return strimzi;
    }

    /** Deletes the CRDs, with whatever Kafka objects are left, and waits until the server has. */
    @Override
    public void close() {
        for (CustomResourceDefinition crd : crds) {
            admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .delete();
        }
        await("Strimzi's CRDs to be gone")
                .atMost(OwnNamespaces.REMOVAL_TIMEOUT)
                .until(() -> crds.stream()
                        .allMatch(crd -> admin.apiextensions()
                                        .v1()
                                        .customResourceDefinitions()
                                        .withName(crd.getMetadata().getName())
                                        .get()
                                == null));
    }
}
