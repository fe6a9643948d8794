package io.atonix.operator.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a container path lies in a {@link ContainerSandbox}'s private root. The root's top directories mirror the
 * host's (overlays of /usr, /etc, /var, /opt; the same symlinks for /bin, /lib...), so their symlinks are the host's:
 * Debian's /var/run is /run. A mount at /var/run/postgresql must land in the root's /run/postgresql, where the
 * chrooted process will look, and not follow the absolute link out of the root onto the host's /run.
 */
final class SandboxPath {
    private static final int MAX_LINKS = 40;

    private SandboxPath() {}

    /** {@code path} (absolute, as the container names it) in {@code root}, the mirrored symlinks followed. */
    static Path of(Path root, String path, Set<String> mirrored) {
        Path current = Path.of("/");
        Path rest = Path.of("/").relativize(Path.of("/").resolve(path).normalize());
        int links = 0;
        while (rest.getNameCount() > 0 && !rest.toString().isEmpty()) {
            Path next = current.resolve(rest.getName(0));
            rest = rest.getNameCount() > 1 ? rest.subpath(1, rest.getNameCount()) : Path.of("");
            boolean mirror = mirrored.contains(next.getName(0).toString());
            if (mirror && Files.isSymbolicLink(next) && links++ < MAX_LINKS) {
                Path target = readLink(next);
                Path resolved = current.resolve(target).normalize();
                rest = Path.of("/").relativize(resolved).resolve(rest);
                current = Path.of("/");
            } else {
                current = next;
            }
        }
        return root.resolve(Path.of("/").relativize(current).toString());
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
