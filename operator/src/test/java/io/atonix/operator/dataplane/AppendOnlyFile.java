package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Redis' append-only files on the data plane's volume: with appendfsync everysec a write reaches them within a second
 * or so, and a test that kills or deletes the server waits for that instead of sleeping.
 */
final class AppendOnlyFile {
    private AppendOnlyFile() {}

    /** Waits until the append-only files of the volume bound to {@code claim} hold {@code key}. */
    static void awaitKey(KubernetesClient admin, String namespace, String claim, String key) {
        String volume = admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(claim)
                .get()
                .getSpec()
                .getVolumeName();
        Path directory = DataPlane.volumeDirectory(volume).resolve("appendonlydir");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(text(directory)).contains(key));
    }

    /** What the append-only files hold, as text (RESP commands). */
    private static String text(Path directory) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".aof")).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
