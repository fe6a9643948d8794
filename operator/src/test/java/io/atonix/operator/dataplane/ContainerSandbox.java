package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's own filesystem without a container runtime: a mount namespace of its own ({@code unshare -m}, so
 * nothing leaks to the host and all goes when the process ends) with a private root on a tmpfs, in which the host's
 * /usr, /etc, /var and /opt are overlays (the host's files, read-only beneath; what the container writes stays in
 * the namespace's tmpfs), /bin, /lib, /lib64 and /sbin the same symlinks as on the host, the image's files and the
 * pod's volumes bind-mounted at their mount paths (the volumes over the image's directories open to every user, made
 * in the root), the agent's hosts file as /etc/hosts, and a /dev of its own with the file that plays its
 * terminationMessagePath. The process runs chrooted there, as the container's runAsUser and runAsGroup with the
 * fsGroup as a supplementary group
 * (setpriv), in its working directory. The pid the agent holds is the container's main process: every step execs the
 * next.
 */
final class ContainerSandbox {
    /** The host file, in the container's directory, that plays its terminationMessagePath. */
    static final String TERMINATION_LOG = "termination-log";

    private static final List<String> OVERLAID = List.of("usr", "etc", "var", "opt");
    private static final List<String> LINKED = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    /** The root's top directories that mirror the host's, so the host's symlinks among them hold in the root. */
    private static final java.util.Set<String> MIRRORED = java.util.Set.copyOf(
            java.util.stream.Stream.concat(OVERLAID.stream(), LINKED.stream()).toList());

    private ContainerSandbox() {}

    /** The command that starts the container: unshare running the script written into {@code dir}. */
    static List<String> command(
            Container container,
            ProcessSpec spec,
            Map<String, Path> volumes,
            Path hostsFile,
            Identity identity,
            Path dir)
            throws IOException {
        Path root = dir.resolve("root");
        Path scratch = dir.resolve("scratch");
        Files.createDirectories(root);
        Files.createDirectories(scratch);
        StringBuilder script = new StringBuilder("set -e\n");
        script.append("/usr/bin/mount -t tmpfs -o mode=0755 tmpfs ")
                .append(q(root))
                .append('\n');
        script.append("/usr/bin/mount -t tmpfs tmpfs ").append(q(scratch)).append('\n');
        for (String top : OVERLAID) {
            if (!Files.isDirectory(Path.of("/" + top))) {
                continue;
            }
            String upper = q(scratch.resolve(top + "-upper"));
            String work = q(scratch.resolve(top + "-work"));
            script.append("/usr/bin/mkdir -p ")
                    .append(upper)
                    .append(' ')
                    .append(work)
                    .append(' ')
                    .append(q(root.resolve(top)))
                    .append('\n');
            script.append("/usr/bin/mount -t overlay overlay -o lowerdir=/")
                    .append(top)
                    .append(",upperdir=")
                    .append(upper)
                    .append(",workdir=")
                    .append(work)
                    .append(' ')
                    .append(q(root.resolve(top)))
                    .append('\n');
        }
        for (String link : LINKED) {
            Path host = Path.of("/" + link);
            if (Files.isSymbolicLink(host)) {
                script.append("/usr/bin/ln -s ")
                        .append(q(Files.readSymbolicLink(host).toString()))
                        .append(' ')
                        .append(q(root.resolve(link)))
                        .append('\n');
            } else if (Files.isDirectory(host)) {
                bind(script, host, root.resolve(link), true);
            }
        }
        script.append("/usr/bin/mkdir -p -m 1777 ")
                .append(q(root.resolve("tmp")))
                .append('\n');
        script.append("/usr/bin/mkdir -p ")
                .append(q(root.resolve("proc")))
                .append(' ')
                .append(q(root.resolve("dev")))
                .append(' ')
                .append(q(root.resolve("run")))
                .append(' ')
                .append(q(root.resolve("root")))
                .append('\n');
        script.append("/usr/bin/mount -t proc proc ")
                .append(q(root.resolve("proc")))
                .append('\n');
        devices(script, root.resolve("dev"));
        Path termination = dir.resolve(TERMINATION_LOG);
        Files.writeString(termination, "");
        Files.setPosixFilePermissions(
                termination, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        bind(script, termination, inside(root, terminationMessagePath(container)), false);
        bind(script, hostsFile, root.resolve("etc/hosts"), true);
        for (var image : spec.imageFiles().entrySet()) {
            bind(script, image.getValue(), inside(root, image.getKey()), true);
        }
        for (String open : spec.openDirectories()) {
            // In the root's tmpfs: writable, and gone with the container. A pod's volume at the path mounts over it.
            String directory = q(inside(root, open));
            script.append("/usr/bin/mkdir -p ")
                    .append(directory)
                    .append(" && /usr/bin/chmod 1777 ")
                    .append(directory)
                    .append('\n');
        }
        if (container.getVolumeMounts() != null) {
            for (VolumeMount mount : container.getVolumeMounts()) {
                Path source = volumes.get(mount.getName());
                if (source == null) {
                    throw new IllegalStateException("no volume " + mount.getName() + " for " + container.getName());
                }
                if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                    source = source.resolve(mount.getSubPath());
                }
                bind(script, source, inside(root, mount.getMountPath()), Boolean.TRUE.equals(mount.getReadOnly()));
            }
            // Image files that sit at their host paths under a volume's mount path (a test HOME under /tmp, and the
            // pod's /tmp emptyDir) are bound again over the volume: an image's own files never disappear behind it.
            for (var image : spec.imageFiles().entrySet()) {
                if (container.getVolumeMounts().stream().anyMatch(m -> under(image.getKey(), m.getMountPath()))) {
                    bind(script, image.getValue(), inside(root, image.getKey()), true);
                }
            }
        }
        script.append("exec /usr/sbin/chroot ").append(q(root)).append(' ');
        for (String part : identity.setpriv()) {
            script.append(q(part)).append(' ');
        }
        String workingDir =
                container.getWorkingDir() == null || container.getWorkingDir().isEmpty()
                        ? "/"
                        : container.getWorkingDir();
        script.append("/usr/bin/env -C ").append(q(workingDir));
        for (String part : spec.command()) {
            script.append(' ').append(q(part));
        }
        script.append('\n');
        Path file = dir.resolve("start.sh");
        Files.writeString(file, script);
        return List.of("/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", file.toString());
    }

    /**
     * The container's own /dev, as a runtime gives it: a tmpfs with the host's null, zero, full, random, urandom and tty,
     * a fresh /dev/shm (PostgreSQL's shared memory) and the /proc links; the file a container writes its termination
     * message to is bound into it too, so nothing the container writes reaches the host's /dev.
     */
    private static void devices(StringBuilder script, Path dev) {
        script.append("/usr/bin/mount -t tmpfs -o mode=0755 tmpfs ")
                .append(q(dev))
                .append('\n');
        for (String node : List.of("null", "zero", "full", "random", "urandom", "tty")) {
            bind(script, Path.of("/dev", node), dev.resolve(node), false);
        }
        script.append("/usr/bin/mkdir -p ").append(q(dev.resolve("shm"))).append('\n');
        script.append("/usr/bin/mount -t tmpfs -o mode=1777 tmpfs ")
                .append(q(dev.resolve("shm")))
                .append('\n');
        for (var link : Map.of(
                        "fd",
                        "/proc/self/fd",
                        "stdin",
                        "/proc/self/fd/0",
                        "stdout",
                        "/proc/self/fd/1",
                        "stderr",
                        "/proc/self/fd/2")
                .entrySet()) {
            script.append("/usr/bin/ln -s ")
                    .append(q(link.getValue()))
                    .append(' ')
                    .append(q(dev.resolve(link.getKey())))
                    .append('\n');
        }
    }

    static String terminationMessagePath(Container container) {
        String path = container.getTerminationMessagePath();
        return path == null || path.isEmpty() ? "/dev/termination-log" : path;
    }

    /** A command run inside the running container (an exec probe): its mount namespace, root and identity. */
    static List<String> exec(long pid, Identity identity, List<String> command) {
        List<String> full = new ArrayList<>(List.of("/usr/bin/nsenter", "-t", String.valueOf(pid), "-m", "-r", "-w"));
        full.addAll(identity.setpriv());
        full.addAll(command);
        return full;
    }

    private static void bind(StringBuilder script, Path source, Path target, boolean readOnly) {
        String make = Files.isDirectory(source)
                ? "/usr/bin/mkdir -p " + q(target)
                : "/usr/bin/mkdir -p " + q(target.getParent()) + " && /usr/bin/touch " + q(target);
        script.append(make).append('\n');
        script.append("/usr/bin/mount --bind ")
                .append(q(source))
                .append(' ')
                .append(q(target))
                .append('\n');
        if (readOnly) {
            script.append("/usr/bin/mount -o remount,bind,ro ")
                    .append(q(target))
                    .append('\n');
        }
    }

    private static boolean under(String path, String mountPath) {
        String parent = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        return path.startsWith(parent);
    }

    private static Path inside(Path root, String path) {
        return SandboxPath.of(root, path, MIRRORED);
    }

    private static String q(Object text) {
        return "'" + text.toString().replace("'", "'\\''") + "'";
    }
}
