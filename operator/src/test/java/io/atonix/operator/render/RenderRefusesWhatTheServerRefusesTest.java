package io.atonix.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.api.v1beta1.ApiGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * render refuses every invalid resource of SchemaIT's corpus, which a real API server refuses (SchemaIT proves that
 * half), and names the field the server names: render and the server agree on what is invalid.
 */
class RenderRefusesWhatTheServerRefusesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyResourceTheServerRefusesIsRefusedByRenderAtTheSameField() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/realcluster/invalid-resources.yaml")) {
            cases = YAML.readTree(in);
        }
        assertThat(cases.size()).as("size of the invalid corpus").isGreaterThanOrEqualTo(100);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                ObjectNode resource = YAML.createObjectNode();
                resource.put("apiVersion", ApiGroup.API_VERSION);
                resource.put("kind", c.path("resource").path("kind").asText());
                resource.putObject("metadata").put("name", c.path("name").asText("bad"));
                resource.set("spec", c.path("resource").path("spec"));
                String message = refusal(resource);
                String field = c.path("field").asText();
                if (!"<nil>".equals(field)) {
                    assertThat(message)
                            .as("render's refusal names the server's field")
                            .contains(field);
                }
                assertThat(message).doesNotContain("Exception").doesNotContain("\tat ");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyBreakOfASampleGeneratedFromTheSchemaIsRefusedByRenderAtItsField() throws IOException {
        List<SchemaMutations.Mutation> mutations = SchemaMutations.ofSamples(
                Path.of(System.getProperty("atonix.repository.root", "..")).resolve("samples"));
        assertThat(mutations)
                .as("breaks generated from the samples and the CRDs")
                .hasSizeGreaterThan(100);
        List<DynamicTest> tests = new ArrayList<>();
        for (SchemaMutations.Mutation mutation : mutations) {
            tests.add(DynamicTest.dynamicTest(
                    mutation.name(),
                    () -> assertThat(refusal(mutation.resource()))
                            .contains(mutation.field())
                            .doesNotContain("Exception")));
        }
        return tests.stream();
    }

    /** What render printed when it refused the resource, which it must: exit status 1 and nothing on standard output. */
    private String refusal(JsonNode resource) throws IOException {
        Path file = Files.createTempFile(dir, "invalid", ".yaml");
        Files.writeString(file, YAML.writeValueAsString(resource));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RenderCommand.run(
                new String[] {file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as("render's exit status; it printed: %s", message).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return message;
    }
}
