package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official {@code postgres:<major>} image (Docker Hub's, with or without its registry, any tag that starts with the
 * major: 15, 17.2, 16-bookworm), played by this machine's PostgreSQL of that major ({@link PostgresInstallations}).
 * Every major is known, so that one without binaries here fails its pod loudly instead of passing as simulated.
 *
 * <p>Without a command the container runs the image's entrypoint (postgres-entrypoint.sh: initdb from the POSTGRES_*
 * variables when the data directory is empty, then the server with the container's args); with one (the backup Job's
 * shell) that command. Either finds the image's programs on its PATH, and exec probes (pg_isready) too. The sandbox
 * puts the pod's volumes at their mount paths, so the configuration the operator mounts is used as it is; the server
 * is only told to listen on the pod's address (pods share the host's network, where '*' would take every pod's
 * port 5432) and to keep its socket in /var/run/postgresql, as the image's build does.
 */
public final class PostgresImage implements ImageRuntime {
    static final String SOCKET_DIRECTORY = "/var/run/postgresql";
    private static final String DEFAULT_PGDATA = "/var/lib/postgresql/data";
    private static final String ENTRYPOINT = resource("/dataplane/postgres-entrypoint.sh");
    private static final Pattern IMAGE =
            Pattern.compile("(?:(?:docker\\.io/)?library/)?postgres:(\\d+)(?:[.-][\\w.-]*)?");

    @Override
    public boolean knows(String image) {
        return IMAGE.matcher(image).matches();
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        PostgresInstallation installation = PostgresInstallations.of(major(container.getImage()));
        List<String> command = new ArrayList<>();
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        if (container.getCommand() == null || container.getCommand().isEmpty()) {
            command.addAll(List.of("/bin/sh", "-c", ENTRYPOINT, "docker-entrypoint.sh"));
            command.addAll(serverArgs(args, pod));
        } else {
            command.addAll(container.getCommand());
            command.addAll(args);
        }
        Map<String, Path> imageFiles = new HashMap<>();
        // The installation sits at its host paths inside the container too, so its PATH and LD_LIBRARY_PATH hold.
        installation.roots().forEach(root -> imageFiles.put(root.toString(), openToAll(root)));
        imageFiles.put("/etc/passwd", PostgresUser.passwd(container, pod));
        // Made by the image's Dockerfile for the server's socket and lock file (the entrypoint's temporary server's
        // too).
        return new ProcessSpec(
                command, environment(installation), imageFiles, List.of(SOCKET_DIRECTORY), "postgres", null);
    }

    /**
     * A root the container's user can enter: otherwise its shell would skip the major's directory on PATH and run the
     * next one's postgres (Debian's 15 stands behind zonky's 17) without a word.
     */
    private static Path openToAll(Path root) {
        try {
            var permissions = Files.getPosixFilePermissions(root);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || !permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalStateException(root + " is closed to the pod's user, who must run PostgreSQL from it:"
                        + " open it to every user (chmod 755)");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int major(String image) {
        Matcher matcher = IMAGE.matcher(image);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a postgres image: " + image);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The image's ENV (PATH, LANG, PG_MAJOR, PG_VERSION, PGDATA); the container's own env is added by the agent. */
    private static Map<String, String> environment(PostgresInstallation installation) {
        Map<String, String> environment = new HashMap<>(installation.libraries());
        environment.put("PATH", installation.searchPath());
        // The image has en_US.utf8; a fresh machine has C.UTF-8 alone.
        environment.put("LANG", "C.UTF-8");
        environment.put("PG_MAJOR", String.valueOf(installation.major()));
        environment.put("PG_VERSION", installation.version());
        environment.put("PGDATA", DEFAULT_PGDATA);
        environment.put("ATONIX_SOCKET_DIR", SOCKET_DIRECTORY);
        return environment;
    }

    /** The container's args (the image's CMD, postgres, without any) and where the server listens. */
    private static List<String> serverArgs(List<String> containerArgs, PodContext pod) {
        List<String> args = new ArrayList<>(containerArgs);
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            args.add(0, "postgres");
        }
        if (args.get(0).equals("postgres")) {
            // Given on the command line, these win over the mounted postgresql.conf (listen_addresses = '*').
            args.addAll(List.of("-c", "listen_addresses=" + pod.podIp()));
            args.addAll(List.of("-c", "unix_socket_directories=" + SOCKET_DIRECTORY));
        }
        return args;
    }

    private static String resource(String name) {
        try (InputStream in = PostgresImage.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
