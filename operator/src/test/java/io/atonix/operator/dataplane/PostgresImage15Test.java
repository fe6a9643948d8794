package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.postgres.PostgresBackups;
import io.atonix.operator.postgres.PostgresSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** postgres:15, all of it from Debian 12: its own pg_dump makes the backups. */
class PostgresImage15Test extends PostgresImageContract {
    @Override
    int major() {
        return 15;
    }

    @Test
    void theBackupJobsDumpRestoresIntoAFreshServerWithTheRowsIntact() throws Exception {
        try (Connection connection = connect(pod, "postgres", password)) {
            connection.createStatement().execute("CREATE DATABASE shop");
        }
        try (Connection connection = connect(pod, "shop", password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY, item text)");
            statement.execute("INSERT INTO orders SELECT n, 'item ' || n FROM generate_series(1, 50) n");
        }
        Path backups = Files.createDirectories(root.resolve("claims/backups"));
        PodPlace job = place("backup-job");
        int exit = RunningProcess.run(
                runtime.launch(OperatorPostgresPods.backupJob(
                        postgres, PostgresSecrets.superuser(postgres, () -> password), job, backups)),
                job.directory().resolve("job.log"),
                START);
        assertThat(exit)
                .as(Files.readString(job.directory().resolve("job.log")))
                .isZero();
        Path dump;
        try (Stream<Path> files = Files.list(backups)) {
            dump = files.filter(file -> file.getFileName().toString().matches("shop-\\d{8}T\\d{6}Z\\.dump"))
                    .findFirst()
                    .orElseThrow();
        }

        PodPlace fresh = place("pod-fresh");
        String freshPassword = password + "-fresh";
        try (RunningProcess restored =
                start(fresh, Files.createDirectories(root.resolve("claims/fresh")), freshPassword)) {
            ContainerRun restore = new ContainerRun(
                    "postgres:15",
                    List.of("pg_restore", "--create", "--dbname=postgres", "--host=127.0.0.1", "--username=postgres"),
                    List.of(PostgresBackups.MOUNT + "/" + dump.getFileName()),
                    Map.of("PGPASSWORD", freshPassword),
                    Map.of(PostgresBackups.MOUNT, backups),
                    fresh.podIp(),
                    fresh.directory().resolve("layer/restore"),
                    Optional.of(fresh.hostsFile()));
            Path log = fresh.directory().resolve("restore.log");
            assertThat(RunningProcess.run(runtime.launch(restore), log, START))
                    .as(Files.readString(log))
                    .isZero();
            try (Connection connection = connect(fresh, "shop", freshPassword);
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("SELECT count(*), sum(id), max(item) FROM orders")) {
                rows.next();
                assertThat(List.of(rows.getInt(1), rows.getInt(2), rows.getString(3)))
                        .containsExactly(50, 1275, "item 9");
            }
        }
    }

    @Test
    void anEmptyDataDirectoryIsInitialisedFromPostgresPasswordFileAndCreatesPostgresDb() throws Exception {
        PodPlace other = place("pod-variables");
        Path secrets = Files.createDirectories(root.resolve("secrets"));
        Files.writeString(secrets.resolve("password"), "from-a-file\n");
        ContainerRun operators = server(other, Files.createDirectories(root.resolve("claims/variables")), "unused");
        Map<String, String> environment = new HashMap<>(operators.environment());
        environment.remove("POSTGRES_PASSWORD");
        environment.put("POSTGRES_PASSWORD_FILE", "/run/secrets/password");
        environment.put("POSTGRES_DB", "inventory");
        Map<String, Path> mounts = new HashMap<>(operators.mounts());
        mounts.put("/run/secrets", secrets);
        ContainerRun run = new ContainerRun(
                operators.image(),
                operators.command(),
                operators.args(),
                environment,
                mounts,
                other.podIp(),
                operators.writableLayer(),
                operators.hostsFile());
        try (RunningProcess started =
                RunningProcess.start(runtime.launch(run), other.directory().resolve("pg.log"))) {
            awaitReady(run, started);
            // The file's trailing newline is not part of the password: the image reads it with $(< file).
            try (Connection connection = connect(other, "inventory", "from-a-file")) {
                assertThat(connection.getCatalog()).isEqualTo("inventory");
            }
        }
    }

    @Test
    void withoutAPasswordTheContainerExitsAndLeavesTheDataDirectoryEmpty() throws Exception {
        PodPlace other = place("pod-without-password");
        Path claim = Files.createDirectories(root.resolve("claims/without-password"));
        ContainerRun operators = server(other, claim, "unused");
        Map<String, String> environment = new HashMap<>(operators.environment());
        environment.remove("POSTGRES_PASSWORD");
        ContainerRun run = new ContainerRun(
                operators.image(),
                operators.command(),
                operators.args(),
                environment,
                operators.mounts(),
                other.podIp(),
                operators.writableLayer(),
                operators.hostsFile());
        Path log = other.directory().resolve("pg.log");
        assertThat(RunningProcess.run(runtime.launch(run), log, START)).isEqualTo(1);
        assertThat(Files.readString(log)).contains("superuser password is not specified");
        assertThat(claim.resolve("pgdata/PG_VERSION")).doesNotExist();
    }
}
