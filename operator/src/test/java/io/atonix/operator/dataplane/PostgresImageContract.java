package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.postgres.PostgresSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every postgres:<major> the agent runs does with the container the operator's StatefulSet gives it (its env from
 * the superuser Secret, its args, its ConfigMap, its data claim): one server per class, on a loopback address of its
 * own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresImageContract {
    static final Duration START = Duration.ofSeconds(60);
    final ImageRuntime runtime = new PostgresImageRuntime();
    Path root;
    Postgres postgres;
    String password;
    PodPlace pod;
    Path data;
    RunningProcess server;

    abstract int major();

    @BeforeAll
    void startTheOperatorsPostgresPod() throws Exception {
        root = Files.createTempDirectory("atonix-postgres-image");
        postgres = OperatorPostgresPods.postgres(major());
        password = randomPassword();
        pod = place("pod-0");
        Files.writeString(
                pod.hostsFile(), "127.0.0.1 localhost\n" + pod.podIp() + " " + PostgresSecrets.host(postgres) + "\n");
        data = Files.createDirectories(root.resolve("claims/data"));
        server = start(pod, data, password);
    }

    @AfterAll
    void stopIt() throws Exception {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theStatefulSetsReadinessProbeFindsTheServerListeningOnThePodsAddressAlone() throws Exception {
        Path log = pod.directory().resolve("probe.log");
        Files.deleteIfExists(log);
        int exit = RunningProcess.run(
                runtime.launch(server(pod, data, password).exec(OperatorPostgresPods.readinessProbe(postgres))),
                log,
                START);
        assertThat(exit).isZero();
        assertThat(Files.readString(log)).contains(pod.podIp() + ":5432 - accepting connections");
        assertThat(server.log()
                        .lines()
                        .filter(line -> line.contains("listening on IPv"))
                        .toList())
                .isNotEmpty()
                .allMatch(line -> line.contains("listening on IPv4 address \"" + pod.podIp() + "\", port 5432"));
    }

    @Test
    void theSuperuserOfTheSecretLogsInOverJdbcAndAWrongPasswordIsRefused() throws SQLException {
        try (Connection connection = connect(pod, "postgres", password);
                ResultSet result = connection.createStatement().executeQuery("SHOW server_version_num")) {
            result.next();
            assertThat(result.getInt(1) / 10000).isEqualTo(major());
        }
        assertThatThrownBy(() -> connect(pod, "postgres", password + "x").close())
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void aRestartOnTheSameDataSkipsInitdbKeepsTheRowsAndTheFirstPassword() throws Exception {
        try (Connection connection = connect(pod, "postgres", password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            statement.execute("INSERT INTO kept SELECT generate_series(1, 3)");
        }
        server.close();
        // The Secret changed meanwhile: the image reads POSTGRES_PASSWORD at initialisation alone.
        server = start(pod, data, password + "-new");
        assertThat(server.log())
                .contains("Database directory appears to contain a database; Skipping initialization")
                .doesNotContain("init process complete");
        try (Connection connection = connect(pod, "postgres", password);
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
        assertThatThrownBy(() -> connect(pod, "postgres", password + "-new").close())
                .hasMessageContaining("password authentication failed");
    }

    /** The operator's postgres container for {@code place}, with the superuser Secret holding {@code secret}. */
    ContainerRun server(PodPlace place, Path claim, String secret) {
        return OperatorPostgresPods.server(postgres, PostgresSecrets.superuser(postgres, () -> secret), place, claim);
    }

    RunningProcess start(PodPlace place, Path claim, String secret) throws Exception {
        ContainerRun run = server(place, claim, secret);
        // A log per start, as the kubelet keeps one per container instance.
        RunningProcess process = RunningProcess.start(
                runtime.launch(run), place.directory().resolve("postgres-" + System.nanoTime() + ".log"));
        awaitReady(run, process);
        return process;
    }

    /** Until the StatefulSet's readiness probe passes, as the kubelet would run it. */
    void awaitReady(ContainerRun run, RunningProcess process) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        Path log = run.writableLayer().resolveSibling("ready.log");
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new AssertionError("postgres:" + major() + " exited; its output:\n" + process.log());
            }
            if (RunningProcess.run(runtime.launch(run.exec(OperatorPostgresPods.readinessProbe(postgres))), log, START)
                    == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "postgres:" + major() + " not ready after " + START + "; its output:\n" + process.log());
    }

    PodPlace place(String name) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "127." + random.nextInt(64, 128) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        Path directory = Files.createDirectories(root.resolve(name));
        return new PodPlace(address, directory, root.resolve("hosts"));
    }

    static Connection connect(PodPlace place, String database, String secret) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + place.podIp() + ":5432/" + database, PostgresSecrets.SUPERUSER, secret);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
