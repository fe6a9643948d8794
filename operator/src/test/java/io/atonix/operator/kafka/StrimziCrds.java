package io.atonix.operator.kafka;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.strimzi.api.kafka.Crds;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Strimzi's CRDs (Kafka, KafkaTopic, KafkaUser) from Strimzi's own API module, served at the versions of a given Strimzi
 * release: {@code v1} as storage (0.49+ and 1.x), or {@code v1beta2} only (before 0.49). The mock API server serves a
 * CRD at its storage version.
 */
public final class StrimziCrds {

    private StrimziCrds() {}

    public static List<CustomResourceDefinition> servedAt(StrimziApiVersion version) {
        return List.of(Crds.kafka(), Crds.kafkaTopic(), Crds.kafkaUser()).stream()
                .map(crd -> servedAt(crd, version))
                .toList();
    }

    public static void register(KubernetesClient client, StrimziApiVersion version) {
        for (CustomResourceDefinition crd : servedAt(version)) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .create();
        }
    }

    private static CustomResourceDefinition servedAt(CustomResourceDefinition crd, StrimziApiVersion version) {
        List<CustomResourceDefinitionVersion> versions = crd.getSpec().getVersions().stream()
                .filter(v -> version == StrimziApiVersion.V1
                        ? List.of("v1", "v1beta2").contains(v.getName())
                        : "v1beta2".equals(v.getName()))
                .map(v -> new CustomResourceDefinitionVersionBuilder(v)
                        .withServed(true)
                        .withStorage(v.getName().equals(version.version()))
                        .build())
                .collect(Collectors.toList());
        return new CustomResourceDefinitionBuilder(crd)
                .editSpec()
                .withVersions(versions)
                .endSpec()
                .build();
    }
}
