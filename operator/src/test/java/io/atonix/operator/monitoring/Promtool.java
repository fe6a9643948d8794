package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.testtools.TestPrograms;
import io.atonix.operator.testtools.TestPrograms.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real promtool, from Debian's prometheus package (unpacked by {@link TestPrograms}, or {@code PROMTOOL}). */
final class Promtool {
    private static Program promtool;

    private Promtool() {}

    /** Runs promtool with the arguments and asserts that it succeeds; gives its output. */
    static String succeeds(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exit())
                .as("promtool %s:%n%s", String.join(" ", args), result.output())
                .isZero();
        return result.output();
    }

    static Result run(String... args) throws IOException, InterruptedException {
        Process process =
                program().command(List.of(args)).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static synchronized Program program() {
        if (promtool == null) {
            promtool = TestPrograms.debian("promtool", "PROMTOOL", List.of("prometheus"));
        }
        return promtool;
    }

    record Result(int exit, String output) {}
}
