package io.atonix.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples can be applied side by side: applying one never replaces what another made. */
class SamplesTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("atonix.repository.root", "..")).resolve("samples");

    @Test
    void noTwoSamplesShareAKindNamespaceAndName() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<String> identities = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                GenericKubernetesResource resource =
                        serialization.unmarshal(Files.readString(file), GenericKubernetesResource.class);
                identities.add(resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                        + resource.getMetadata().getName());
            }
        }
        assertThat(identities).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
    }
}
