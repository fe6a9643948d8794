package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a container's paths are on this machine. No mount namespace moves the volumes to the paths the pod spec names,
 * so the image's programs are given the directories the agent made instead: a path under a mount is that mount's
 * directory, any other path lies in the container's writable layer.
 */
final class ContainerPaths {
    private final Map<String, Path> mounts;
    private final Path writableLayer;

    ContainerPaths(Map<String, Path> mounts, Path writableLayer) {
        this.mounts = mounts;
        this.writableLayer = writableLayer;
    }

    /** The machine's path for an absolute container path. */
    Path onHost(String containerPath) {
        return mounts.entrySet().stream()
                .filter(mount -> within(containerPath, mount.getKey()))
                .max(Comparator.comparingInt(mount -> mount.getKey().length()))
                .map(mount -> mount.getValue().resolve(relative(containerPath, mount.getKey())))
                .orElseGet(() -> writableLayer.resolve(relative(containerPath, "/")));
    }

    /**
     * {@code text} (an argument, a shell script, an environment value) with every mounted container path in it replaced
     * by the mount's directory: a path begins at the start or after a space, '=' or quote, and its mount path ends there
     * or at a '/'. Paths outside the mounts are left alone: they name the image's own files (/bin/sh), which this
     * machine has.
     */
    String rewrite(String text) {
        if (mounts.isEmpty()) {
            return text;
        }
        // One pass over all mounts, the longest first: a directory put in must not be rewritten again (the
        // machine's temporary directories lie under /tmp, which a pod mounts too).
        String alternatives = mounts.keySet().stream()
                .map(ContainerPaths::trimmed)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        Matcher mounted = Pattern.compile("(?<=^|[\\s='\"])(" + alternatives + ")(?=$|[/\\s'\"])")
                .matcher(text);
        return mounted.replaceAll(
                path -> Matcher.quoteReplacement(onHost(path.group(1)).toString()));
    }

    private static boolean within(String path, String mount) {
        String prefix = trimmed(mount);
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String relative(String path, String mount) {
        String rest = path.substring(trimmed(mount).length());
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    private static String trimmed(String mount) {
        return mount.length() > 1 && mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
    }
}
