package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerPathsTest {
    private final ContainerPaths paths = new ContainerPaths(
            Map.of(
                    "/var/lib/postgresql/data", Path.of("/tmp/pod/claims/data"),
                    "/var/lib/postgresql/data/wal", Path.of("/tmp/pod/claims/wal"),
                    "/tmp", Path.of("/tmp/pod/volumes/tmp"),
                    "/backups/", Path.of("/tmp/pod/claims/backups")),
            Path.of("/tmp/pod/layer"));

    @Test
    void aPathLiesInTheLongestMountThatHoldsItOrElseInTheWritableLayer() {
        assertThat(paths.onHost("/var/lib/postgresql/data/pgdata")).isEqualTo(Path.of("/tmp/pod/claims/data/pgdata"));
        assertThat(paths.onHost("/var/lib/postgresql/data/wal/0001")).isEqualTo(Path.of("/tmp/pod/claims/wal/0001"));
        assertThat(paths.onHost("/backups")).isEqualTo(Path.of("/tmp/pod/claims/backups"));
        assertThat(paths.onHost("/var/lib/postgresql/database"))
                .isEqualTo(Path.of("/tmp/pod/layer/var/lib/postgresql/database"));
    }

    @Test
    void mountedPathsInArgumentsAndScriptsBecomeTheMountsDirectoriesOnce() {
        assertThat(paths.rewrite("config_file=/var/lib/postgresql/data/postgresql.conf"))
                .isEqualTo("config_file=/tmp/pod/claims/data/postgresql.conf");
        assertThat(paths.rewrite("pg_dump --file=/backups/$db.dump \"$db\" && ls -1t /backups/$db-*.dump"))
                .isEqualTo(
                        "pg_dump --file=/tmp/pod/claims/backups/$db.dump \"$db\" && ls -1t /tmp/pod/claims/backups/$db-*.dump");
        // The directory put in starts with /tmp, which is mounted too: it is not rewritten again.
        assertThat(paths.rewrite("/tmp/x")).isEqualTo("/tmp/pod/volumes/tmp/x");
    }

    @Test
    void pathsOutsideTheMountsAndMereLookalikesStayAsTheyAre() {
        assertThat(paths.rewrite("/bin/sh")).isEqualTo("/bin/sh");
        assertThat(paths.rewrite("/tmpfiles /var/tmp backups/x")).isEqualTo("/tmpfiles /var/tmp backups/x");
    }
}
