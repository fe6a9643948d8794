package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scheduled backups. To a volume: a CronJob that runs pg_dump for each database into a volume claim, keeping the newest
 * {@code retain} dumps of each. To an object store: base backups ({@link BaseBackups}). The claim outlives the Postgres unless its deletion policy is Delete, so that the
 * backups survive what they are meant to survive.
 */
public final class PostgresBackups {
    public static final String MOUNT = "/backups";
    static final int DEFAULT_RETAIN = 7;

    private PostgresBackups() {}

    public static Optional<CronJob> cronJob(Postgres postgres) {
        BackupSpec backup = postgres.getSpec().backup();
        if (backup == null) {
            return Optional.empty();
        }
        if (backup.objectStore() != null) {
            return Optional.of(BaseBackups.cronJob(postgres));
        }
        String name = postgres.getMetadata().getName();
        return Optional.of(PostgresObjects.finish(new CronJobBuilder()
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
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod(
                        PostgresStatefulSets.POSTGRES_USER, PostgresStatefulSets.POSTGRES_USER))
                .addNewContainer()
                .withName("pg-dump")
                .withImage("postgres:" + postgres.getSpec().version())
                .withCommand("/bin/sh", "-c", script(postgres.getSpec().databases(), retain(backup)))
                .addNewEnv()
                .withName("PGHOST")
                .withValue(PostgresSecrets.host(postgres))
                .endEnv()
                .addNewEnv()
                .withName("PGPORT")
                .withValue(String.valueOf(PostgresConfig.PORT))
                .endEnv()
                .addNewEnv()
                .withName("PGUSER")
                .withValue(PostgresSecrets.SUPERUSER)
                .endEnv()
                .addNewEnv()
                .withName("PGPASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(Names.postgresSuperuserSecret(name))
                .withKey(BasicAuth.PASSWORD)
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .addAllToEnv(PostgresTls.clientEnv(postgres))
                .addNewVolumeMount()
                .withName("backups")
                .withMountPath(MOUNT)
                .endVolumeMount()
                .addAllToVolumeMounts(PostgresTls.clientMounts(postgres))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .endContainer()
                .addNewVolume()
                .withName("backups")
                .withNewPersistentVolumeClaim()
                .withClaimName(Names.postgresBackups(name))
                .endPersistentVolumeClaim()
                .endVolume()
                .addAllToVolumes(PostgresTls.clientVolumes(postgres))
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build()));
    }

    public static Optional<PersistentVolumeClaim> claim(Postgres postgres) {
        BackupSpec backup = postgres.getSpec().backup();
        if (backup == null || backup.volume() == null) {
            return Optional.empty();
        }
        // Under Retain no owner: the garbage collector must not take the backups with the Postgres.
        var metadata = PostgresObjects.kept(
                postgres, Names.postgresBackups(postgres.getMetadata().getName()));
        return Optional.of(PostgresObjects.finish(new PersistentVolumeClaimBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(backup.volume().storageClassName())
                .withNewResources()
                .addToRequests("storage", Quantities.canonical(backup.volume().size()))
                .endResources()
                .endSpec()
                .build()));
    }

    /**
     * Dumps each database in pg_dump's custom format (what pg_restore reads) under a timestamped name, then removes all
     * but the newest {@code retain} dumps of that database. Database names are validated by the schema
     * ({@code [a-z_][a-z0-9_]*}), so they need no quoting in the shell. A dump that fails leaves nothing behind:
     * pg_dump creates its file before it connects, and the partial dumps of failed runs (three a night with the Job's
     * retries), which retention never counts, would fill the volume until backups failed for want of space.
     */
    static String script(List<DatabaseSpec> databases, int retain) {
        String names = databases.stream().map(DatabaseSpec::name).collect(Collectors.joining(" "));
        return "set -eu\n"
                + "stamp=$(date -u +%Y%m%dT%H%M%SZ)\n"
                + "partial=\n"
                + "trap '[ -z \"$partial\" ] || rm -f -- \"$partial\"' EXIT\n"
                + "for db in " + names + "; do\n"
                + "  partial=" + MOUNT + "/$db-$stamp.dump.partial\n"
                + "  pg_dump --format=custom --file=\"$partial\" \"$db\"\n"
                + "  mv \"$partial\" " + MOUNT + "/$db-$stamp.dump\n"
                + "  partial=\n"
                + "  ls -1t " + MOUNT + "/$db-*.dump | tail -n +" + (retain + 1) + " | xargs -r rm --\n"
                + "done\n";
    }

    static int retain(BackupSpec backup) {
        return backup.retain() == null ? DEFAULT_RETAIN : backup.retain();
    }
}
