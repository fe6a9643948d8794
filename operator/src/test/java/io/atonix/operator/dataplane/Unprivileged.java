package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a program as no one in particular, although the tests run as root: in a new user namespace ({@code unshare -U})
 * the process is uid 65534, which PostgreSQL accepts where it refuses uid 0, and it still owns the files root made
 * for it (its real uid is unchanged), so the agent need not chown volumes. With a hosts file, an outer user and mount
 * namespace first binds it over /etc/hosts, so that C programs (libpq, redis-cli) resolve the cluster's Service names
 * as the JVMs do through {@code -Djdk.net.hosts.file}. Each step execs the next: the program keeps the pid the agent
 * started, and the agent's signals reach it.
 */
final class Unprivileged {
    private static final String BIND_HOSTS = "mount --bind \"$1\" /etc/hosts && shift && exec unshare --user -- \"$@\"";

    private Unprivileged() {}

    static List<String> command(List<String> program, Optional<Path> hostsFile) {
        List<String> command = new ArrayList<>();
        if (hostsFile.isPresent()) {
            command.addAll(List.of(
                    "unshare",
                    "--user",
                    "--map-root-user",
                    "--mount",
                    "--",
                    "/bin/sh",
                    "-c",
                    BIND_HOSTS,
                    "unprivileged"));
            command.add(hostsFile.get().toString());
        } else {
            command.addAll(List.of("unshare", "--user", "--"));
        }
        command.addAll(program);
        return command;
    }
}
