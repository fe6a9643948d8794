package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.postgres.PostgresBackups;
import io.atonix.operator.postgres.PostgresSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
}
