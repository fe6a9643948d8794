package io.atonix.operator.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official {@code postgres:<major>} image played by this machine's PostgreSQL of that major: without a command the
 * image's entrypoint (postgres-entrypoint.sh: initdb from the POSTGRES_* variables when the data directory is empty,
 * then the server with the container's args), with one (an exec probe, the backup Job's shell) that command with the
 * image's PATH. Either runs {@link Unprivileged}ly. The server listens on the pod's address alone (a pod's port is
 * its own), and the container paths it is given are turned into the mounts' directories ({@link ContainerPaths}):
 * those in its args, its environment, and the file locations of the configuration file it is given.
 */
final class PostgresImage {
    private static final String DEFAULT_PGDATA = "/var/lib/postgresql/data";
    private static final String SOCKET_DIRECTORY = "/var/run/postgresql";
    private static final String ENTRYPOINT = resource("/dataplane/postgres-entrypoint.sh");
    // The loopback as a word or an option's value (-h 127.0.0.1, --host=localhost).
    private static final Pattern LOOPBACK = Pattern.compile("^((?:-[-\\w]*=)?)(?:127\\.0\\.0\\.1|localhost)$");

    private final PostgresInstallation installation;

    PostgresImage(PostgresInstallation installation) {
        this.installation = installation;
    }

    ProcessSpec launch(ContainerRun run) {
        ContainerPaths paths = new ContainerPaths(run.mounts(), run.writableLayer());
        Map<String, String> environment = environment(run, paths);
        List<String> program = new ArrayList<>();
        if (run.command().isEmpty()) {
            program.addAll(List.of("/bin/sh", "-c", ENTRYPOINT, "docker-entrypoint.sh"));
            program.addAll(serverArgs(run, paths, environment));
        } else {
            run.command().forEach(word -> program.add(inPod(word, run, paths)));
            run.args().forEach(word -> program.add(inPod(word, run, paths)));
        }
        // The image's STOPSIGNAL: SIGINT, PostgreSQL's fast shutdown.
        return new ProcessSpec(Unprivileged.command(program, run.hostsFile()), environment, run.writableLayer(), "INT");
    }

    /** The image's ENV (PATH, LANG, PGDATA), then the container's, with its paths on this machine. */
    private Map<String, String> environment(ContainerRun run, ContainerPaths paths) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", installation.searchPath());
        // The image has en_US.utf8; a fresh machine has C.UTF-8 alone.
        environment.put("LANG", "C.UTF-8");
        environment.put("PG_MAJOR", String.valueOf(installation.major()));
        environment.put("PG_VERSION", installation.version());
        run.environment().forEach((name, value) -> environment.put(name, inPod(value, run, paths)));
        environment.put(
                "PGDATA",
                paths.onHost(run.environment().getOrDefault("PGDATA", DEFAULT_PGDATA))
                        .toString());
        environment.put("HOME", run.writableLayer().toString());
        environment.putAll(installation.libraries());
        return environment;
    }

    /**
     * The container's args (the image's CMD, postgres, without any), and what places the server on this machine; the
     * entrypoint finds the socket directory in ATONIX_SOCKET_DIR.
     */
    private List<String> serverArgs(ContainerRun run, ContainerPaths paths, Map<String, String> environment) {
        List<String> args = new ArrayList<>();
        run.args().forEach(arg -> args.add(paths.rewrite(arg)));
        if (args.isEmpty()) {
            args.add("postgres");
        } else if (args.get(0).startsWith("-")) {
            args.add(0, "postgres");
        }
        if (!args.get(0).equals("postgres")) {
            return args;
        }
        Map<String, String> settings = PostgresConfigFile.fileSettings(configFile(args, environment));
        settings.forEach((name, value) -> {
            if (PostgresConfigFile.FILE_LOCATIONS.contains(name) && value.startsWith("/")) {
                args.addAll(List.of("-c", name + "=" + paths.onHost(value)));
            }
        });
        Path socketDirectory = socketDirectory(paths, settings);
        environment.put("ATONIX_SOCKET_DIR", socketDirectory.toString());
        args.addAll(List.of("-c", "listen_addresses=" + run.podIp()));
        args.addAll(List.of("-c", "unix_socket_directories=" + socketDirectory));
        return args;
    }

    /** The configuration file the args name (already on this machine), else the one initdb writes in PGDATA. */
    private static Path configFile(List<String> args, Map<String, String> environment) {
        Optional<String> named = args.stream()
                .filter(arg -> arg.startsWith("config_file=")
                        || arg.startsWith("--config_file=")
                        || arg.startsWith("--config-file="))
                .map(arg -> arg.substring(arg.indexOf('=') + 1))
                .reduce((first, last) -> last);
        return named.map(Path::of).orElseGet(() -> Path.of(environment.get("PGDATA"), "postgresql.conf"));
    }

    /** The pod's /var/run/postgresql (or the directory the configuration names), made as the image has it. */
    private static Path socketDirectory(ContainerPaths paths, Map<String, String> settings) {
        String configured = settings.getOrDefault("unix_socket_directories", SOCKET_DIRECTORY);
        Path directory = paths.onHost(configured.split(",")[0].strip());
        // A socket's path has room for 107 bytes (sun_path): PostgreSQL would refuse a longer one less plainly.
        if (directory.resolve(".s.PGSQL.65535.lock").toString().getBytes(StandardCharsets.UTF_8).length > 107) {
            throw new IllegalArgumentException("the pod's " + configured + " lies too deep for a Unix socket ("
                    + directory + "): give the pod a shorter directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A word as the pod means it: its loopback is the pod's address, its mounted paths the mounts' directories. */
    private static String inPod(String word, ContainerRun run, ContainerPaths paths) {
        Matcher loopback = LOOPBACK.matcher(word);
        return loopback.matches() ? loopback.group(1) + run.podIp() : paths.rewrite(word);
    }

    private static String resource(String name) {
        try (InputStream in = PostgresImage.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
