package io.atonix.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs committed in crds/ are exactly what the build generates from the Java types, every field carries a
 * description for kubectl explain, and every list declares how it merges under server-side apply.
 */
class CrdFilesTest {
    private static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8");
    private static final Path COMMITTED = Path.of("..", "crds");
    private static final String UPDATE = "run: ./mvnw -pl api-types process-classes -Pupdate-crds";

    @Test
    void committedCrdsMatchTheGeneratedOnes() throws IOException {
        List<Path> generated = list(GENERATED, ".yml");
        assertThat(generated).as("generated CRDs").hasSize(3);
        for (Path file : generated) {
            Path committed = COMMITTED.resolve(file.getFileName());
            assertThat(committed)
                    .as("%s is not committed; %s", committed, UPDATE)
                    .exists();
            assertThat(Files.readString(committed))
                    .as("%s differs from the generated CRD; %s", committed, UPDATE)
                    .isEqualTo(Files.readString(file));
        }
        assertThat(list(COMMITTED, ".yml"))
                .as("CRDs in crds/ that the build no longer generates")
                .hasSameSizeAs(generated);
    }

    @Test
    void everyFieldHasADescription() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<String> undocumented = new ArrayList<>();
        for (Path file : list(COMMITTED, ".yml")) {
            CustomResourceDefinition crd =
                    serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
            JSONSchemaProps root =
                    crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
            for (String top : List.of("spec", "status")) {
                collect(
                        crd.getSpec().getNames().getKind() + "." + top,
                        root.getProperties().get(top),
                        undocumented);
            }
        }
        assertThat(undocumented).as("fields without a description").isEmpty();
    }

    private static void collect(String path, JSONSchemaProps schema, List<String> undocumented) {
        if (schema == null) {
            return;
        }
        if (schema.getDescription() == null || schema.getDescription().isBlank()) {
            undocumented.add(path);
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, JSONSchemaProps> property :
                    schema.getProperties().entrySet()) {
                collect(path + "." + property.getKey(), property.getValue(), undocumented);
            }
        }
        JSONSchemaProps items =
                schema.getItems() == null ? null : schema.getItems().getSchema();
        if (items != null && items.getProperties() != null) {
            for (Map.Entry<String, JSONSchemaProps> property :
                    items.getProperties().entrySet()) {
                collect(path + "[]." + property.getKey(), property.getValue(), undocumented);
            }
        }
    }

    @Test
    void everyListDeclaresHowItMerges() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<String> undeclared = new ArrayList<>();
        for (Path file : list(COMMITTED, ".yml")) {
            CustomResourceDefinition crd =
                    serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
            lists(
                    crd.getSpec().getNames().getKind(),
                    crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema(),
                    undeclared);
        }
        assertThat(undeclared).as("lists without x-kubernetes-list-type").isEmpty();
    }

    @Test
    void everyConditionAndComponentStatusHasKubernetesConditionSchema() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (Path file : list(COMMITTED, ".yml")) {
            CustomResourceDefinition crd =
                    serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
            JSONSchemaProps status = crd.getSpec()
                    .getVersions()
                    .get(0)
                    .getSchema()
                    .getOpenAPIV3Schema()
                    .getProperties()
                    .get("status");
            for (String list : List.of("conditions", "components")) {
                JSONSchemaProps entries = status.getProperties().get(list);
                if (entries == null) {
                    continue;
                }
                var fields = entries.getItems().getSchema().getProperties();
                assertThat(fields.get("status").getEnum())
                        .as(file + " " + list + "[].status")
                        .extracting(JsonNode::asText)
                        .containsExactly("True", "False", "Unknown");
                assertThat(fields.get("lastTransitionTime").getFormat())
                        .as(file + " " + list + "[].lastTransitionTime")
                        .isEqualTo("date-time");
                assertThat(fields.get("reason").getPattern())
                        .as(file + " " + list + "[].reason")
                        .isEqualTo("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
            }
        }
    }

    private static void lists(String path, JSONSchemaProps schema, List<String> undeclared) {
        if (schema == null) {
            return;
        }
        if ("array".equals(schema.getType())) {
            if (schema.getXKubernetesListType() == null) {
                undeclared.add(path);
            }
            lists(
                    path + "[]",
                    schema.getItems() == null ? null : schema.getItems().getSchema(),
                    undeclared);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> lists(path + "." + name, property, undeclared));
        }
        if (schema.getAdditionalProperties() != null) {
            lists(path + "{}", schema.getAdditionalProperties().getSchema(), undeclared);
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
