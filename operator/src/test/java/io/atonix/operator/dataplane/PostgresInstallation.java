package io.atonix.operator.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PostgreSQL programs that stand for one major's image: the server's directory (initdb, pg_ctl, postgres) and the
 * client tools' (psql, pg_dump, pg_restore, pg_isready), which come from another major when no client tools of this
 * one can be had.
 *
 * @param version the server's version, as {@code postgres --version} prints it
 * @param path the directories the image's PATH has, the server's first
 * @param clientMajor the major of psql, pg_dump, pg_restore and pg_isready on that PATH
 * @param libraries the environment the programs need to find the libraries unpacked with them
 * @param roots the directories everything above was unpacked into, which a container of the image needs mounted
 */
record PostgresInstallation(
        int major, String version, List<Path> path, int clientMajor, Map<String, String> libraries, List<Path> roots) {

    /** PATH as in the image: PostgreSQL's directories, then the machine's own for /bin/sh and the coreutils. */
    String searchPath() {
        return path.stream().map(Path::toString).collect(Collectors.joining(":")) + ":/usr/local/bin:/usr/bin:/bin";
    }
}
