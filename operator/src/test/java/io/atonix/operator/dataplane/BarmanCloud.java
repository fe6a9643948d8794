package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian 12's barman-cli-cloud 3.4 (barman-cloud-wal-archive, -wal-restore, -backup, -restore, -backup-list, ...) with
 * the Python packages it imports, unpacked from the apt archive, as {@code ghcr.io/atonix/postgres-barman} installs
 * them with apt-get. The scripts start with {@code #!/usr/bin/python3}: the machine's own Debian Python 3.11, which the
 * containers see through the host's /usr, finds the packages through PYTHONPATH and psycopg2 finds libpq through the
 * PostgreSQL installation's LD_LIBRARY_PATH.
 */
record BarmanCloud(Path root) {
    private static final List<String> PACKAGES = List.of(
            "barman-cli-cloud",
            "python3-barman",
            "python3-psycopg2",
            "python3-argcomplete",
            "python3-dateutil",
            "python3-six",
            "python3-pkg-resources",
            "python3-boto3",
            "python3-botocore",
            "python3-s3transfer",
            "python3-jmespath",
            "python3-urllib3",
            "python3-requests",
            "python3-certifi",
            "python3-chardet",
            "python3-charset-normalizer",
            "python3-idna");
    private static BarmanCloud installed;

    static synchronized BarmanCloud installation() {
        if (installed == null) {
            installed = new BarmanCloud(TestPrograms.debianPackages(
                    PACKAGES, "elsewhere barman-cloud cannot be had for ghcr.io/atonix/postgres-barman"));
            installed.check();
        }
        return installed;
    }

    Path bin() {
        return root.resolve("usr/bin");
    }

    String pythonPath() {
        return root.resolve("usr/lib/python3/dist-packages").toString();
    }

    /** Fails at once, saying why, where the scripts' interpreter cannot run them (no /usr/bin/python3, not 3.11). */
    private void check() {
        ProcessBuilder builder = new ProcessBuilder(
                        bin().resolve("barman-cloud-wal-archive").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("PYTHONPATH", pythonPath()));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("Debian 12's barman-cloud-wal-archive does not run with this machine's"
                        + " /usr/bin/python3 (it needs Debian 12's Python 3.11: apt-get install python3): " + output);
            }
        } catch (IOException e) {
            throw new AssertionError(
                    "barman-cloud needs /usr/bin/python3 (Debian 12's 3.11: apt-get install python3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
