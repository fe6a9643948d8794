package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On Debian 12, the machine the tier runs on: /var/run links to /run, /bin to usr/bin. */
class SandboxPathTest {
    private static final Path ROOT = Path.of("/sandbox/root");
    private static final Set<String> MIRRORED = Set.of("usr", "var", "bin");

    @Test
    void aMountUnderDebiansVarRunLandsInTheRootsRunNotTheHosts() {
        assertThat(SandboxPath.of(ROOT, "/var/run/postgresql", MIRRORED)).isEqualTo(ROOT.resolve("run/postgresql"));
    }

    @Test
    void aRelativeLinkIsFollowedWithinTheRoot() {
        assertThat(SandboxPath.of(ROOT, "/bin/atonix-tool", MIRRORED)).isEqualTo(ROOT.resolve("usr/bin/atonix-tool"));
    }

    @Test
    void aPathOutsideTheMirroredDirectoriesIsTakenAsItIs() {
        assertThat(SandboxPath.of(ROOT, "/run/../etc/postgresql/", MIRRORED)).isEqualTo(ROOT.resolve("etc/postgresql"));
        assertThat(SandboxPath.of(ROOT, "/", MIRRORED)).isEqualTo(ROOT);
    }
}
