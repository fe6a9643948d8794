package io.atonix.operator.dataplane;

import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a backup run of a Postgres in one namespace can be seen by: its CronJob, the Jobs and their pods, and the files
 * in the directory of the PersistentVolume bound to its backup claim, where the agent keeps the volume's contents.
 */
record BackupRuns(KubernetesClient admin, String namespace) {

    CronJob cronJob(String postgres) {
        return admin.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName(Names.postgresBackups(postgres))
                .get();
    }

    /** The Job's conditions that hold (Complete, Failed, ...). */
    List<String> conditions(String job) {
        Job current =
                admin.batch().v1().jobs().inNamespace(namespace).withName(job).get();
        if (current.getStatus() == null || current.getStatus().getConditions() == null) {
            return List.of();
        }
        return current.getStatus().getConditions().stream()
                .filter(c -> "True".equals(c.getStatus()))
                .map(c -> c.getType())
                .toList();
    }

    List<Pod> pods(String job) {
        return admin.pods()
                .inNamespace(namespace)
                .withLabel("batch.kubernetes.io/job-name", job)
                .list()
                .getItems();
    }

    /** The names of the files in the backup claim's volume, sorted. */
    List<String> files(String postgres) throws IOException {
        try (Stream<Path> files = Files.list(directory(postgres))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    Path directory(String postgres) {
        String volume = admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(Names.postgresBackups(postgres))
                .get()
                .getSpec()
                .getVolumeName();
        return DataPlane.volumeDirectory(volume);
    }
}
