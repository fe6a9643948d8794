package io.atonix.benchmark.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.operator.admission.SchemaDefaults;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Atonix resource as a real API server stores it: with its CRD's defaults filled in (the CRDs of the repository's
 * crds/, which the benchmark also serves). The mock server keeps what was written; render prints the defaulted form.
 */
final class StoredDefaults {
    private static final Path CRDS = Path.of(System.getProperty("atonix.repository.root", "."), "crds");
    private static final Map<String, JSONSchemaProps> SCHEMAS = new ConcurrentHashMap<>();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StoredDefaults() {}

    static JsonNode applied(JsonNode stored) {
        String apiVersion = stored.path("apiVersion").asText();
        if (!apiVersion.startsWith("atonix.io/")) {
            return stored;
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String kind = stored.path("kind").asText();
        return SchemaDefaults.applied(
                stored, SCHEMAS.computeIfAbsent(kind + "/" + version, key -> schema(kind, version)));
    }

    private static JSONSchemaProps schema(String kind, String version) {
        try (var files = Files.list(CRDS)) {
            for (Path file : files.toList()) {
                CustomResourceDefinition crd =
                        SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
                if (crd.getSpec().getNames().getKind().equals(kind)) {
                    return crd.getSpec().getVersions().stream()
                            .filter(v -> v.getName().equals(version))
                            .findFirst()
                            .orElseThrow()
                            .getSchema()
                            .getOpenAPIV3Schema();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no CRD of kind " + kind + " in " + CRDS);
    }
}
