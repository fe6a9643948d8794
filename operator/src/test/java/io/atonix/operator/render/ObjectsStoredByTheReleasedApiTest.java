package io.atonix.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.operator.admission.SchemaDefaults;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What clusters hold keeps working after an upgrade: the objects of the v1beta1 release (its samples, stored as its
 * API server stores them, defaults filled in) are read by the head, pass its CRDs' rules and validators, and render to
 * the same children as the same objects without the defaults.
 */
class ObjectsStoredByTheReleasedApiTest {
    private static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."));
    private static final Path OBJECTS = ROOT.resolve("operator/src/test/resources/released-api-objects");
    private static final Path RELEASED_CRDS = ROOT.resolve("api-types/src/test/resources/released-api");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TestFactory
    Stream<DynamicTest> everyObjectOfTheReleaseIsReadByTheHeadAndMeansWhatItMeantThen() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(OBJECTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonNode written = YAML.readTree(file.toFile());
                    JsonNode stored = SchemaDefaults.applied(
                            written, releasedSchema(written.path("kind").asText()));
                    assertThat(render("stored " + file, stored))
                            .as("the children of the object as the release stored it")
                            .isEqualTo(render("written " + file, written));
                }));
            }
        }
        assertThat(tests).as("objects of the release").hasSize(4);
        return tests.stream();
    }

    private static List<String> render(String source, JsonNode resource) throws Exception {
        Renderer renderer = new Renderer(PlatformSettings.defaults(), "default");
        List<String> children = new ArrayList<>();
        for (HasMetadata read : ResourceFiles.read(source, new StringReader(YAML.writeValueAsString(resource)))) {
            for (HasMetadata child : renderer.render(source, read)) {
                children.add(SERIALIZATION.asYaml(child));
            }
        }
        assertThat(children).as("children rendered from " + source).isNotEmpty();
        return children;
    }

    private static JSONSchemaProps releasedSchema(String kind) throws Exception {
        String plural = switch (kind) {
            case "AppStack" -> "appstacks";
            case "Postgres" -> "postgreses";
            default -> "redises";
        };
        CustomResourceDefinition crd = SERIALIZATION.unmarshal(
                Files.readString(RELEASED_CRDS.resolve(plural + ".atonix.io-v1.yml")), CustomResourceDefinition.class);
        return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }
}
