package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The real promtool (Debian's prometheus package). Without it the tests that need it are skipped with a loud message,
 * unless {@code ATONIX_PROMTOOL=required} (CI), where that is a failure.
 */
final class Promtool {
    private static final String BANNER = """

            ***************************************************************************************
            *  promtool was not found: the alert rules and dashboards were NOT checked by it.     *
            *  Install it (apt-get install prometheus) or point PROMTOOL at the binary.           *
            ***************************************************************************************
            """;

    private Promtool() {
    }

    /** The binary, or the test is skipped (or failed, where promtool is required). */
    static Path binary() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        System.err.println(BANNER);
        if ("required".equals(System.getenv("ATONIX_PROMTOOL"))) {
            throw new AssertionError("ATONIX_PROMTOOL=required but promtool is not on the PATH");
        }
        Assumptions.abort("promtool is not installed");
        return null;
    }

    /** Runs promtool with the arguments and asserts that it succeeds; gives its output. */
    static String succeeds(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exit()).as("promtool %s:%n%s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }
}
