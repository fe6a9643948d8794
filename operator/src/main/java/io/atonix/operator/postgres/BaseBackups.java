package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.SecretEnv;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;

/**
 * Scheduled base backups to the object store: a CronJob whose pod runs barman-cloud-backup against the server, then
 * removes the base backups beyond spec.backup.retain, and ends with a summary of what the store holds as its
 * termination message, from which the operator writes status.backup. barman-cloud-backup reads the data directory
 * itself, and copies the server's configuration files with it, so the pod mounts the server's data claim and
 * configuration at the server's paths, read-only, and is scheduled onto the
 * server's node (a ReadWriteOnce claim mounts on one node, by any number of its pods).
 */
final class BaseBackups {
    static final String CONTAINER = "barman-backup";

    private BaseBackups() {}

    static CronJob cronJob(Postgres postgres) {
        String name = postgres.getMetadata().getName();
        var backup = postgres.getSpec().backup();
        return PostgresObjects.finish(new CronJobBuilder()
                .withMetadata(PostgresObjects.metadata(postgres, Names.postgresBackups(name)))
                .withNewSpec()
                .withSchedule(backup.schedule())
                .withConcurrencyPolicy("Forbid")
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(3)
                .withNewJobTemplate()
                .withNewSpec()
                .withBackoffLimit(2)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(PostgresObjects.backupPodLabels(postgres))
                .endMetadata()
                .withSpec(pod(postgres))
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build());
    }

    private static PodSpec pod(Postgres postgres) {
        String name = postgres.getMetadata().getName();
        long user = PostgresStatefulSets.POSTGRES_USER;
        return new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod(user, user))
                .withNewAffinity()
                .withNewPodAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNewLabelSelector()
                .withMatchLabels(PostgresObjects.serverSelector(postgres))
                .endLabelSelector()
                .withTopologyKey("kubernetes.io/hostname")
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endPodAffinity()
                .endAffinity()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(BarmanImage.serverImage(postgres))
                .withCommand("/bin/sh", "-c", BaseBackupScript.of(postgres))
                .addToEnv(new EnvVarBuilder()
                        .withName("PGHOST")
                        .withValue(PostgresSecrets.host(postgres))
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("PGPORT")
                        .withValue(String.valueOf(PostgresConfig.PORT))
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("PGUSER")
                        .withValue(PostgresSecrets.SUPERUSER)
                        .build())
                .addToEnv(SecretEnv.of("PGPASSWORD", Names.postgresSuperuserSecret(name), BasicAuth.PASSWORD))
                .addAllToEnv(ArchivePodParts.env(postgres))
                .addAllToEnv(PostgresTls.clientEnv(postgres))
                .addNewVolumeMount()
                .withName(PostgresStatefulSets.DATA_VOLUME)
                .withMountPath(PostgresConfig.DATA_MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("config")
                .withMountPath(PostgresConfig.MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .addAllToVolumeMounts(ArchivePodParts.mounts(postgres))
                .addAllToVolumeMounts(PostgresTls.clientMounts(postgres))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .endContainer()
                .addNewVolume()
                .withName(PostgresStatefulSets.DATA_VOLUME)
                .withNewPersistentVolumeClaim()
                .withClaimName(PostgresStatefulSets.DATA_VOLUME + "-" + name + "-0")
                .withReadOnly(true)
                .endPersistentVolumeClaim()
                .endVolume()
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName(Names.postgresConfig(name))
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addAllToVolumes(ArchivePodParts.volumes(postgres))
                .addAllToVolumes(PostgresTls.clientVolumes(postgres))
                .build();
    }
}
