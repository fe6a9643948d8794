package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.postgres.BackupStatus;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.api.v1beta1.postgres.RecoveryStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveStatusTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String STORE =
            "{ endpoint: \"https://s3.example.com\", bucket: pg-archive, credentials: { secretName: s3 } }";

    @Test
    void archivingHoldsWhileSegmentsReachTheStoreFailsFromAFailureUntilTheNextSuccessAndIsUnknownBeforeTheFirst() {
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }");
        Instant earlier = NOW.minusSeconds(60);
        assertThat(ArchiveStatus.condition(stats(5, 0, null, earlier), postgres))
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("True");
                    assertThat(c.reason()).isEqualTo("Archiving");
                });
        assertThat(ArchiveStatus.condition(stats(5, 2, NOW, earlier), postgres)).satisfies(c -> {
            assertThat(c.status()).isEqualTo("False");
            assertThat(c.reason()).isEqualTo("ArchivingFailed");
            assertThat(c.message()).contains("000000010000000000000007").contains("2 failed attempts");
        });
        assertThat(ArchiveStatus.condition(stats(6, 2, earlier, NOW), postgres).status())
                .as("archived again after the failure")
                .isEqualTo("True");
        assertThat(ArchiveStatus.condition(stats(0, 0, null, null), postgres).status())
                .isEqualTo("Unknown");
    }

    @Test
    void theStatusReportsTheNewestCompletedBaseBackupAndTheRecoverysEndFromTheContainersTerminationMessages() {
        Postgres postgres = postgres("backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }\n  "
                + "bootstrap: { recovery: { source: old-db, objectStore: " + STORE + " } }");
        List<Pod> pods = List.of(
                backupPod(
                        "b1",
                        0,
                        "{\"lastSuccessfulBackup\": \"2026-12-01T03:00:07Z\","
                                + " \"firstRecoverabilityPoint\": \"2026-11-25T03:00:05Z\"}"),
                backupPod(
                        "b2",
                        0,
                        "{\"lastSuccessfulBackup\": \"2026-12-02T03:00:09Z\","
                                + " \"firstRecoverabilityPoint\": \"2026-11-26T03:00:04Z\"}"),
                backupPod("b3", 1, "{\"lastSuccessfulBackup\": \"2026-12-02T04:00:00Z\"}"),
                serverPod("{\"endedAt\":\"2026-12-02T09:54:52Z\",\"timeline\":2}"));
        PostgresStatus status = ArchiveStatus.with(
                new PostgresStatus(1L, List.of(), 1, "15", List.of(), null, null, null),
                postgres,
                Optional.of(stats(3, 0, null, NOW)),
                pods,
                NOW);
        assertThat(status.backup()).isEqualTo(new BackupStatus("2026-12-02T03:00:09Z", "2026-11-26T03:00:04Z"));
        assertThat(status.recovery()).isEqualTo(new RecoveryStatus("2026-12-02T09:54:52Z", 2L));
        assertThat(status.conditions()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("ContinuousArchiving");
            assertThat(c.lastTransitionTime()).isEqualTo("2026-12-02T10:00:00Z");
        });
    }

    private static ArchiverStats stats(long archived, long failed, Instant lastFailed, Instant lastArchived) {
        return new ArchiverStats(
                archived, "000000010000000000000006", failed, "000000010000000000000007", lastFailed, lastArchived);
    }

    private static Pod backupPod(String name, int exitCode, String message) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app.kubernetes.io/component", "backup")
                .endMetadata()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("barman-backup")
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withMessage(message)
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static Pod serverPod(String message) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("shop-db-0")
                .addToLabels("app.kubernetes.io/component", "database")
                .endMetadata()
                .withNewStatus()
                .addNewInitContainerStatus()
                .withName("recover")
                .withNewState()
                .withNewTerminated()
                .withExitCode(0)
                .withMessage(message)
                .endTerminated()
                .endState()
                .endInitContainerStatus()
                .endStatus()
                .build();
    }

    private static Postgres postgres(String fields) {
        return Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: shop-db, namespace: shop, generation: 1 }
                spec:
                  version: "15"
                  storage: { size: 1Gi }
                  %s
                """.formatted(fields), Postgres.class);
    }
}
