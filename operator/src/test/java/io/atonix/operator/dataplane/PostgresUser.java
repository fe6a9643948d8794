package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image's postgres user in the container's /etc/passwd: initdb looks up the user it runs as (the pod's runAsUser,
 * 999 in the operator's pods), which the host's passwd does not have. The image runs its entrypoint as root and drops
 * to postgres; here the sandbox is unprivileged from the start, and a container without a runAsUser would run the
 * server as root, which PostgreSQL refuses: such a pod fails saying so.
 */
final class PostgresUser {
    private PostgresUser() {}

    static Path passwd(Container container, PodContext pod) {
        Long user = Identity.of(pod.pod(), container, null).user();
        if (user == null || user == 0) {
            throw new IllegalStateException("postgres:<major> runs as root in " + pod.name() + "/"
                    + container.getName() + ", which PostgreSQL refuses: give it a runAsUser (the image's postgres"
                    + " user is 999)");
        }
        try {
            String host = Files.readString(Path.of("/etc/passwd"));
            String own = "postgres:x:" + user + ":" + user + "::/var/lib/postgresql:/bin/sh\n";
            Path file = pod.directory().resolve("containers").resolve(container.getName() + ".passwd");
            Files.createDirectories(file.getParent());
            Files.writeString(file, host.replaceAll("(?m)^postgres:.*\\n", "") + own);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
