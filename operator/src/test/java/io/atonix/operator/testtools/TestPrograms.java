package io.atonix.operator.testtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real programs the tests run, obtained the way a fresh machine with Java and Go can: the small Go commands under
 * tools/ built from the Go module proxy (tools/build-go-tool.sh), Debian's programs unpacked from the apt archive
 * without installing them (tools/debian-packages/fetch.sh). An environment variable naming a binary takes precedence.
 * A program that cannot be had fails the test with a message saying how to get it; nothing is skipped.
 */
public final class TestPrograms {
    public static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String LIBRARIES = "usr/lib/x86_64-linux-gnu";

    private TestPrograms() {}

    /** A binary and the environment it needs (its unpacked libraries). */
    public record Program(Path binary, Map<String, String> environment) {
        public ProcessBuilder command(List<String> args) {
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            return builder;
        }
    }

    /** tools/{@code tool}, built from the Go module proxy, or the binary {@code override} names. */
    public static Program goTool(String tool, String override) {
        String configured = System.getenv(override);
        if (configured != null && !configured.isBlank()) {
            return new Program(Path.of(configured), Map.of());
        }
        Path binary = Path.of(lastLine(
                "tools/build-go-tool.sh",
                List.of(tool),
                "tools/" + tool + " could not be built: install Go (https://go.dev/dl) or set " + override
                        + " to a binary built by tools/build-go-tool.sh " + tool));
        return new Program(binary, Map.of());
    }

    /** /usr/bin/{@code name} of Debian's {@code packages}, unpacked under ~/.cache/atonix, or the binary {@code override} names. */
    public static Program debian(String name, String override, List<String> packages) {
        String configured = System.getenv(override);
        if (configured != null && !configured.isBlank()) {
            return new Program(Path.of(configured), Map.of());
        }
        Path root = Path.of(lastLine(
                "tools/debian-packages/fetch.sh",
                packages,
                name + " could not be had from Debian's archive (" + String.join(" ", packages)
                        + "): on Debian or Ubuntu" + " check that apt-get download works; elsewhere install " + name
                        + " and set " + override + " to it"));
        return new Program(
                root.resolve("usr/bin").resolve(name),
                Map.of("LD_LIBRARY_PATH", root.resolve(LIBRARIES).toString()));
    }

    private static String lastLine(String script, List<String> args, String howToGetIt) {
        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0 || output.isEmpty()) {
                throw new AssertionError(howToGetIt);
            }
            return output.substring(output.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new AssertionError(howToGetIt, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(howToGetIt, e);
        }
    }
}
