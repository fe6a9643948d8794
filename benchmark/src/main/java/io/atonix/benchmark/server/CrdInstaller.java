package io.atonix.benchmark.server;

import io.atonix.benchmark.stacks.DesiredState;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.kafka.StrimziCrds;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Registers the CRDs a run needs: Atonix' own from crds/; Strimzi's Kafka, KafkaTopic and KafkaUser from Strimzi's
 * own API module, served at v1 and v1beta2 as Strimzi 0.49+ serves them (the operator tests' {@link StrimziCrds});
 * minimal ones (any content accepted) for the Prometheus Operator's ServiceMonitor, PodMonitor and PrometheusRule,
 * whose presence turns the operator's monitoring on; and minimal ones for any other kind of another project that render
 * prints. So every optional part of the operator finds its CRD, and every object render prints can exist.
 */
public final class CrdInstaller {
    public static final String STRIMZI_GROUP = "kafka.strimzi.io";
    private static final String PROMETHEUS_GROUP = "monitoring.coreos.com";

    private CrdInstaller() {}

    public static void install(KubernetesClient client, Path repositoryRoot, DesiredState desired) throws IOException {
        List<CustomResourceDefinition> crds = new ArrayList<>(atonix(client, repositoryRoot));
        crds.addAll(StrimziCrds.servedAt(strimziVersion(desired)));
        crds.addAll(thirdParty(desired));
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .create();
        }
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(CrdInstaller::established, 60, TimeUnit.SECONDS);
        }
    }

    /**
     * The version the Strimzi kinds are written at: the one render prints (v1 unless told otherwise), which is also the
     * one the operator prefers when the server serves both.
     */
    public static StrimziApiVersion strimziVersion(DesiredState desired) {
        return desired.apiVersionsOf(STRIMZI_GROUP).stream()
                .findFirst()
                .map(StrimziApiVersion::parse)
                .orElse(StrimziApiVersion.V1);
    }

    private static List<CustomResourceDefinition> atonix(KubernetesClient client, Path root) throws IOException {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("crds"), "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    crds.add(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class));
                }
            }
        }
        return crds;
    }

    private static List<CustomResourceDefinition> thirdParty(DesiredState desired) {
        // group -> kind -> versions
        Map<String, Map<String, Set<String>>> kinds = new LinkedHashMap<>();
        for (String kind : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule")) {
            kinds.computeIfAbsent(PROMETHEUS_GROUP, g -> new LinkedHashMap<>())
                    .put(kind, new LinkedHashSet<>(Set.of("v1")));
        }
        for (HasMetadata object : desired.kinds().values()) {
            String apiVersion = object.getApiVersion();
            int slash = apiVersion.indexOf('/');
            String group = slash < 0 ? "" : apiVersion.substring(0, slash);
            if (!builtIn(group) && !group.equals("atonix.io") && !group.equals(STRIMZI_GROUP)) {
                kinds.computeIfAbsent(group, g -> new LinkedHashMap<>())
                        .computeIfAbsent(object.getKind(), k -> new LinkedHashSet<>())
                        .add(apiVersion.substring(slash + 1));
            }
        }
        List<CustomResourceDefinition> crds = new ArrayList<>();
        kinds.forEach((group, byKind) -> byKind.forEach((kind, versions) -> crds.add(minimal(group, kind, versions))));
        return crds;
    }

    private static boolean builtIn(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static CustomResourceDefinition minimal(String group, String kind, Set<String> versions) {
        String plural = Pluralize.toPlural(kind.toLowerCase());
        String storage = versions.iterator().next();
        List<CustomResourceDefinitionVersion> served = versions.stream()
                .map(v -> new CustomResourceDefinitionVersionBuilder()
                        .withName(v)
                        .withServed(true)
                        .withStorage(v.equals(storage))
                        .withNewSchema()
                        .withNewOpenAPIV3Schema()
                        .withType("object")
                        .withXKubernetesPreserveUnknownFields(true)
                        .endOpenAPIV3Schema()
                        .endSchema()
                        .withNewSubresources()
                        .withStatus(new CustomResourceSubresourceStatus())
                        .endSubresources()
                        .build())
                .toList();
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withListKind(kind + "List")
                .withPlural(plural)
                .withSingular(kind.toLowerCase())
                .endNames()
                .withVersions(served)
                .endSpec()
                .build();
    }

    private static boolean established(CustomResourceDefinition crd) {
        // The mock server writes no status; it serves a CRD as soon as it is stored.
        return crd != null
                && (crd.getStatus() == null
                        || crd.getStatus().getConditions() == null
                        || crd.getStatus().getConditions().stream()
                                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));
    }
}
