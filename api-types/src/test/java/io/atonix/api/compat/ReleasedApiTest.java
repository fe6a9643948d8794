package io.atonix.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Once released, the API changes only compatibly: every version of each released CRD (a copy frozen in
 * src/test/resources/released-api) is still served, and a resource valid against it stays valid and means the same.
 * An incompatible change needs a new version and a conversion path, not an edit of the released one.
 */
class ReleasedApiTest {
    private static final Path RELEASED = Path.of("src", "test", "resources", "released-api");
    private static final Path COMMITTED = Path.of("..", "crds");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void everyReleasedVersionIsStillServedAndAcceptsWhatItAcceptedThen() throws IOException {
        List<Path> released = files(RELEASED);
        assertThat(released).as("released CRDs in " + RELEASED).hasSize(3);
        List<String> breaks = new ArrayList<>();
        for (Path file : released) {
            CustomResourceDefinition then = read(file);
            CustomResourceDefinition now = read(COMMITTED.resolve(file.getFileName()));
            for (CustomResourceDefinitionVersion version : then.getSpec().getVersions()) {
                String kind = then.getSpec().getNames().getKind() + "/" + version.getName();
                CustomResourceDefinitionVersion current = now.getSpec().getVersions().stream()
                        .filter(v -> v.getName().equals(version.getName()) && v.getServed())
                        .findFirst()
                        .orElse(null);
                if (current == null) {
                    breaks.add(kind + ": no longer served");
                    continue;
                }
                breaks.addAll(SchemaCompatibility.breaks(
                        kind,
                        version.getSchema().getOpenAPIV3Schema(),
                        current.getSchema().getOpenAPIV3Schema()));
            }
        }
        assertThat(breaks).as("incompatible changes to a released API").isEmpty();
    }

    @Test
    void removedFieldsNarrowedEnumsNewlyRequiredFieldsAndTighterBoundsAreBreaks() throws IOException {
        JSONSchemaProps released = spec(read(COMMITTED.resolve("appstacks.atonix.io-v1.yml")));
        JSONSchemaProps changed = spec(read(COMMITTED.resolve("appstacks.atonix.io-v1.yml")));
        changed.getProperties().remove("imagePullSecrets");
        changed.getProperties().get("deletionPolicy").setEnum(List.of(TextNode.valueOf("Retain")));
        changed.getRequired().add("deletionPolicy");
        JSONSchemaProps services = changed.getProperties().get("services");
        services.setMaxItems(services.getMaxItems() - 1);
        assertThat(SchemaCompatibility.breaks("spec", released, released)).isEmpty();
        assertThat(SchemaCompatibility.breaks("spec", released, changed))
                .anySatisfy(b -> assertThat(b).isEqualTo("spec.imagePullSecrets: removed"))
                .anySatisfy(b -> assertThat(b).startsWith("spec.deletionPolicy: enum narrowed"))
                .anySatisfy(b -> assertThat(b).isEqualTo("spec.deletionPolicy: newly required"))
                .anySatisfy(b -> assertThat(b).startsWith("spec.services: maxItems tightened"));
    }

    private static JSONSchemaProps spec(CustomResourceDefinition crd) {
        return crd.getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");
    }

    private static CustomResourceDefinition read(Path file) throws IOException {
        return SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }
}
