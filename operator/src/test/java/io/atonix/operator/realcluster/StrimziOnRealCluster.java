package io.atonix.operator.realcluster;

import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.kafka.StrimziCrds;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Strimzi's CRDs (Kafka, KafkaTopic, KafkaUser, served at v1) for one test class whose Strimzi is then played
 * ({@code kafka.PlayStrimzi}); the operator of a later class would otherwise find Strimzi, which it reports in every
 * stack's status and watches ({@link ClassCrds}).
 */
public final class StrimziOnRealCluster {
    private StrimziOnRealCluster() {}

    /** Installs the CRDs and waits until the API server serves their kinds; the cluster must have none of them. */
    public static ClassCrds install(KubernetesClient admin) {
        return ClassCrds.install(admin, "Strimzi's", StrimziCrds.servedAt(StrimziApiVersion.V1));
    }
}
