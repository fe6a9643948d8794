package io.atonix.operator.gitops;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Flux's status library, kstatus (sigs.k8s.io/cli-utils/pkg/kstatus/status), behind the small command in
 * tools/kstatus: the binary named by {@code KSTATUS}, else built by tools/kstatus/build.sh when Go is installed.
 * Without either the tests are skipped with a loud message, unless {@code ATONIX_KSTATUS=required} (CI).
 */
final class Kstatus {
    private static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."));
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String BANNER = """

            ***************************************************************************************
            *  kstatus could not be built (no Go): the statuses were NOT checked against Flux.   *
            *  Install Go, or point KSTATUS at a binary built by tools/kstatus/build.sh.          *
            ***************************************************************************************
            """;

    /** kstatus' verdict: InProgress, Failed, Current, Terminating, NotFound or Unknown, and its message. */
    record Result(String status, String message) {
    }

    private final Path binary;

    private Kstatus(Path binary) {
        this.binary = binary;
    }

    static Kstatus locate() throws IOException, InterruptedException {
        String configured = System.getenv("KSTATUS");
        if (configured != null && !configured.isBlank()) {
            return new Kstatus(Path.of(configured));
        }
        if (onPath("go")) {
            Process build = new ProcessBuilder("bash", ROOT.resolve("tools/kstatus/build.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("tools/kstatus/build.sh failed");
            }
            return new Kstatus(Path.of(output.substring(output.lastIndexOf('\n') + 1)));
        }
        System.err.println(BANNER);
        if ("required".equals(System.getenv("ATONIX_KSTATUS"))) {
            throw new AssertionError("ATONIX_KSTATUS=required but KSTATUS is not set and Go is not installed");
        }
        Assumptions.abort("kstatus is not available");
        return null;
    }

    Result of(HasMetadata resource) throws IOException, InterruptedException {
        return of(List.of(resource)).get(0);
    }

    List<Result> of(List<? extends HasMetadata> resources) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(SERIALIZATION.asJson(resources).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(binary + " failed: " + output);
        }
        return List.of(SERIALIZATION.unmarshal(output, Result[].class));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
