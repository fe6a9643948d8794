package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveBuildersTest {
    private static final String STORE = "{ endpoint: \"https://s3.example.com\", bucket: pg-archive,"
            + " credentials: { secretName: s3 }, ca: { secretName: s3-ca, key: ca.pem } }";

    @Test
    void aPostgresArchivingToAnObjectStoreRunsTheBarmanImageWhichArchivesEachSegmentWithTheStoresCredentials() {
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }");
        assertThat(PostgresConfig.file(postgres))
                .contains("archive_mode = 'on'\n")
                .contains("archive_timeout = '5min'\n")
                .contains("archive_command = 'barman-cloud-wal-archive --cloud-provider aws-s3 --endpoint-url"
                        + " ''https://s3.example.com'' ''s3://pg-archive/shop'' ''shop-db'' %p'\n");
        Container server = server(postgres);
        assertThat(server.getImage()).isEqualTo("ghcr.io/atonix/postgres-barman:15");
        assertThat(secretRef(server, "AWS_ACCESS_KEY_ID")).isEqualTo("s3/AWS_ACCESS_KEY_ID");
        assertThat(secretRef(server, "AWS_SECRET_ACCESS_KEY")).isEqualTo("s3/AWS_SECRET_ACCESS_KEY");
        assertThat(value(server, "AWS_DEFAULT_REGION")).isEqualTo("us-east-1");
        assertThat(value(server, "AWS_CA_BUNDLE")).isEqualTo("/etc/atonix/archive-ca/ca.pem");
        assertThat(server.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/atonix/archive-ca"));
        assertThat(PostgresBackups.claim(postgres)).as("no backup volume").isEmpty();
    }

    @Test
    void aPostgresWithoutAnObjectStoreKeepsTheOfficialImageAndDoesNotArchive() {
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", volume: { size: 1Gi } }");
        assertThat(server(postgres).getImage()).isEqualTo("postgres:15");
        assertThat(PostgresConfig.file(postgres)).doesNotContain("archive");
    }

    @Test
    void baseBackupsRunOnTheServersNodeWithItsDataClaimReadOnlyAndKeepTheNewestOnes() {
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", retain: 4, objectStore: " + STORE + " }");
        var pod = PostgresBackups.cronJob(postgres)
                .orElseThrow()
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate();
        var affinity = pod.getSpec().getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(affinity).singleElement().satisfies(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(PostgresObjects.serverSelector(postgres));
        });
        assertThat(pod.getSpec().getVolumes())
                .anySatisfy(v ->
                        assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-shop-db-0"));
        Container backup = pod.getSpec().getContainers().get(0);
        assertThat(backup.getImage()).isEqualTo("ghcr.io/atonix/postgres-barman:15");
        assertThat(backup.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo(PostgresConfig.DATA_MOUNT);
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(backup.getCommand().get(2))
                .contains("barman-cloud-backup --cloud-provider aws-s3 --endpoint-url 'https://s3.example.com'"
                        + " --immediate-checkpoint 's3://pg-archive/shop' 'shop-db'\n")
                .contains("--retention-policy 'REDUNDANCY 4'");
        assertThat(secretRef(backup, "PGPASSWORD")).isEqualTo("shop-db-superuser/password");
    }

    @Test
    void everyValueOfTheSpecStaysOneShellWordInBarmansCommands() throws Exception {
        var hostile = new ObjectStoreSpec(
                "https://x';touch${IFS}/tmp/owned;'",
                "b",
                "a/$(id)",
                null,
                new ObjectStoreCredentials("s", null, null),
                null);
        String command = new BarmanCommands(ArchiveLocation.of(hostile, "shop", "db")).walArchive();
        String echoed = command.replaceFirst("^barman-cloud-wal-archive", "printf '%s\\\\n'");
        Process sh = new ProcessBuilder("/bin/sh", "-c", echoed).start();
        List<String> words = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(sh.waitFor()).isZero();
        assertThat(words)
                .containsExactly(
                        "--cloud-provider",
                        "aws-s3",
                        "--endpoint-url",
                        "https://x';touch${IFS}/tmp/owned;'",
                        "s3://b/a/$(id)",
                        "db",
                        "%p");
    }

    @Test
    void theBackupSummaryGivesTheEndsOfTheNewestAndOldestCompletedBackups(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("backups.json");
        Files.writeString(list, """
                {"backups_list": [
                  {"backup_id": "20261201T030000", "status": "DONE", "end_time": "Tue Dec  1 03:00:07 2026"},
                  {"backup_id": "20261202T030000", "status": "DONE", "end_time": "Wed Dec  2 03:00:09 2026",
                   "end_time_timestamp": "1796180409"},
                  {"backup_id": "20261202T040000", "status": "FAILED", "end_time": "Wed Dec  2 04:00:00 2026"}
                ]}
                """);
        Process python = new ProcessBuilder("python3", "-c", BaseBackupScript.SUMMARY, list.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor()).as(out).isZero();
        assertThat(out)
                .isEqualTo("{\"lastSuccessfulBackup\": \"2026-12-02T03:00:09Z\","
                        + " \"firstRecoverabilityPoint\": \"2026-12-01T03:00:07Z\"}");
    }

    @Test
    void aRecoveredPostgresRestoresInAnInitContainerThatReadsTheSourcesArchiveWithTheSourcesAccess() {
        String source = "{ endpoint: \"https://old.example.com\", bucket: old-archive, path: team-a,"
                + " credentials: { secretName: old-s3, accessKeyIdKey: id } }";
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }\n  "
                + "bootstrap: { recovery: { source: shop-db-old, targetTime: \"2026-12-01T09:30:00Z\", objectStore: "
                + source + " } }");
        var pod = PostgresStatefulSets.desired(postgres, Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec();
        Container recover = pod.getInitContainers().get(0);
        assertThat(recover.getName()).isEqualTo("recover");
        assertThat(recover.getImage()).isEqualTo("ghcr.io/atonix/postgres-barman:15");
        assertThat(secretRef(recover, "RECOVERY_AWS_ACCESS_KEY_ID")).isEqualTo("old-s3/id");
        assertThat(secretRef(recover, "AWS_ACCESS_KEY_ID"))
                .as("the new timeline goes to the server's own archive")
                .isEqualTo("s3/AWS_ACCESS_KEY_ID");
        assertThat(secretRef(recover, "POSTGRES_PASSWORD")).isEqualTo("shop-db-superuser/password");
        assertThat(recover.getCommand().get(2))
                .contains("env AWS_ACCESS_KEY_ID=\"$RECOVERY_AWS_ACCESS_KEY_ID\"")
                .contains("barman-cloud-restore --cloud-provider aws-s3 --endpoint-url 'https://old.example.com'"
                        + " 's3://old-archive/team-a' 'shop-db-old' \"$backup\"")
                .contains("recovery_target_time=2026-12-01 09:30:00.000000+00:00")
                .contains("recovery_target_action=promote")
                .contains("ALTER ROLE postgres PASSWORD :'password'");
        assertThat(recover.getVolumeMounts())
                .extracting(m -> m.getMountPath())
                .contains(PostgresConfig.DATA_MOUNT, PostgresConfig.MOUNT, "/var/run/postgresql");
        assertThat(server(postgres).getImage()).isEqualTo("ghcr.io/atonix/postgres-barman:15");
    }

    @Test
    void aRecoveryStartsFromTheNewestCompletedBaseBackupThatEndedBeforeItsTarget(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("backups.json");
        Files.writeString(list, """
                {"backups_list": [
                  {"backup_id": "20261201T030000", "status": "DONE", "end_time": "Tue Dec  1 03:00:07 2026"},
                  {"backup_id": "20261202T030000", "status": "DONE", "end_time": "Wed Dec  2 03:00:09 2026"},
                  {"backup_id": "20261202T040000", "status": "FAILED", "end_time": "Wed Dec  2 04:00:00 2026"}
                ]}
                """);
        assertThat(python(BackupChoice.SCRIPT, list.toString(), "2026-12-02T03:30:00Z"))
                .isEqualTo("20261202T030000");
        assertThat(python(BackupChoice.SCRIPT, list.toString(), "2026-12-02T03:00:00+00:00"))
                .isEqualTo("20261201T030000");
        assertThat(python(BackupChoice.SCRIPT, list.toString(), "")).isEqualTo("20261202T030000");
        assertThat(python(BackupChoice.SCRIPT, list.toString(), "2026-11-30T00:00:00Z"))
                .isEqualTo("no completed base backup ended before 2026-11-30T00:00:00Z");
    }

    private static String python(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python.waitFor();
        return out;
    }

    private static Container server(Postgres postgres) {
        return PostgresStatefulSets.desired(postgres, Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .stream()
                .filter(c -> c.getName().equals("postgres"))
                .findFirst()
                .orElseThrow();
    }

    private static String secretRef(Container container, String name) {
        EnvVar env = env(container, name);
        return env.getValueFrom().getSecretKeyRef().getName() + "/"
                + env.getValueFrom().getSecretKeyRef().getKey();
    }

    private static String value(Container container, String name) {
        return env(container, name).getValue();
    }

    private static EnvVar env(Container container, String name) {
        return new ArrayList<>(container.getEnv())
                .stream()
                        .filter(e -> e.getName().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + name + " in " + container.getName()));
    }

    private static Postgres postgres(String fields) {
        return Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: shop-db, namespace: shop }
                spec:
                  version: "15"
                  storage: { size: 1Gi }
                  %s
                """.formatted(fields), Postgres.class);
    }
}
