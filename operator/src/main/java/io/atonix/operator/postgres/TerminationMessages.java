package io.atonix.operator.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.api.v1beta1.postgres.BackupStatus;
import io.atonix.api.v1beta1.postgres.RecoveryStatus;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the barman containers of a Postgres' pods reported as their termination messages (JSON): a completed base
 * backup's summary of the store, and the recovery's end. A message that is not what the scripts write is ignored.
 */
final class TerminationMessages {

    private TerminationMessages() {}

    /** The summary of the newest completed base backup among the backup Jobs' pods. */
    static Optional<BackupStatus> newestBackup(List<Pod> pods) {
        return pods.stream()
                .filter(pod -> BACKUP.equals(label(pod, Labels.COMPONENT)))
                .flatMap(pod -> messages(pod.getStatus().getContainerStatuses(), BaseBackups.CONTAINER))
                .map(json ->
                        new BackupStatus(text(json, "lastSuccessfulBackup"), text(json, "firstRecoverabilityPoint")))
                .filter(b -> b.lastSuccessfulBackup() != null)
                .max(Comparator.comparing(BackupStatus::lastSuccessfulBackup));
    }

    /** When the recovery init container of the server's pod promoted the server, and onto which timeline. */
    static Optional<RecoveryStatus> recovery(List<Pod> pods) {
        return pods.stream()
                .filter(pod -> !BACKUP.equals(label(pod, Labels.COMPONENT)))
                .flatMap(pod -> messages(pod.getStatus().getInitContainerStatuses(), RecoveryPodParts.CONTAINER))
                .filter(json -> json.hasNonNull("endedAt") && json.hasNonNull("timeline"))
                .map(json -> new RecoveryStatus(
                        text(json, "endedAt"), json.get("timeline").asLong()))
                .findFirst();
    }

    private static final String BACKUP = PostgresObjects.BACKUP_COMPONENT;

    private static Stream<JsonNode> messages(List<ContainerStatus> statuses, String container) {
        if (statuses == null) {
            return Stream.empty();
        }
        return statuses.stream()
                .filter(s -> container.equals(s.getName()))
                .flatMap(s -> Stream.of(
                        s.getState() == null ? null : s.getState().getTerminated(),
                        s.getLastState() == null ? null : s.getLastState().getTerminated()))
                .filter(Objects::nonNull)
                .filter(t -> t.getExitCode() != null && t.getExitCode() == 0)
                .map(ContainerStateTerminated::getMessage)
                .filter(m -> m != null && m.strip().startsWith("{"))
                .flatMap(TerminationMessages::json);
    }

    private static Stream<JsonNode> json(String message) {
        try {
            return Stream.of(Serialization.jsonMapper().readTree(message));
        } catch (Exception notJson) {
            return Stream.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static String label(Pod pod, String key) {
        return pod.getMetadata().getLabels() == null
                ? null
                : pod.getMetadata().getLabels().get(key);
    }
}
