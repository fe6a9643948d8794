package io.atonix.operator.gitops;

import io.atonix.operator.testtools.TestPrograms;
import io.atonix.operator.testtools.TestPrograms.Program;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Flux's status library, kstatus (sigs.k8s.io/cli-utils/pkg/kstatus/status), behind the small command in
 * tools/kstatus: the binary named by {@code KSTATUS}, else built by tools/build-go-tool.sh from the Go module proxy.
 */
final class Kstatus {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** kstatus' verdict: InProgress, Failed, Current, Terminating, NotFound or Unknown, and its message. */
    record Result(String status, String message) {}

    private final Program program;

    private Kstatus(Program program) {
        this.program = program;
    }

    static Kstatus locate() {
        return new Kstatus(TestPrograms.goTool("kstatus", "KSTATUS"));
    }

    Result of(HasMetadata resource) throws IOException, InterruptedException {
        return of(List.of(resource)).get(0);
    }

    List<Result> of(List<? extends HasMetadata> resources) throws IOException, InterruptedException {
        Process process = program.command(List.of())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(SERIALIZATION.asJson(resources).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(program.binary() + " failed: " + output);
        }
        return List.of(SERIALIZATION.unmarshal(output, Result[].class));
    }
}
