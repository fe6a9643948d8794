package io.atonix.operator.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** File modes and group ownership as the kubelet sets them on volumes, for the pod's fsGroup. */
final class FileModes {
    private FileModes() {}

    /** A file with the volume's mode, group-owned by the fsGroup, as a Secret or ConfigMap key is. */
    static void write(Path file, byte[] content, int mode, Long fsGroup) throws IOException {
        Files.write(file, content);
        Files.setPosixFilePermissions(file, permissions(mode));
        group(file, fsGroup);
    }

    /** A directory of key files: anyone may enter it, the files' modes decide who reads. */
    static void readable(Path dir, Long fsGroup) throws IOException {
        Files.setPosixFilePermissions(dir, permissions(0755));
        group(dir, fsGroup);
    }

    /**
     * A writable volume (emptyDir, claim): group-writable for the fsGroup, as the kubelet makes it; without an fsGroup
     * writable by all, since the container may run as any user.
     */
    static void shared(Path dir, Long fsGroup) throws IOException {
        if (fsGroup == null) {
            Files.setPosixFilePermissions(dir, permissions(0777));
            return;
        }
        group(dir, fsGroup);
        Files.setPosixFilePermissions(dir, permissions(0775));
    }

    private static void group(Path path, Long fsGroup) throws IOException {
        if (fsGroup != null) {
            Files.setAttribute(path, "unix:gid", fsGroup.intValue());
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE
        };
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }
}
