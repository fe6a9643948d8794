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
 * Scheduled logical backups: a CronJob that runs pg_dump for each database into a volume claim, keeping the newest
 * {@code retain} dumps of each. The claim outlives the Postgres unless its deletion policy is Delete, so that the
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
                .withLabels(PostgresObjects.metadata(postgres, name).getLabels())
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
                .addNewVolumeMount()
                .withName("backups")
                .withMountPath(MOUNT)
                .endVolumeMount()
                .withSecurityContext(PodSecurity.restrictedContainer())
                .endContainer()
                .addNewVolume()
                .withName("backups")
                .withNewPersistentVolumeClaim()
                .withClaimName(Names.postgresBackups(name))
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build()));
    }

    public static Optional<PersistentVolumeClaim> claim(Postgres postgres) {
        BackupSpec backup = postgres.getSpec().backup();
        if (backup == null) {
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
     * ({@code [a-z_][a-z0-9_]*}), so they need no quoting in the shell.
     */
    static String script(List<DatabaseSpec> databases, int retain) {
        String names = databases.stream().map(DatabaseSpec::name).collect(Collectors.joining(" "));
        return "set -eu\n"
                + "stamp=$(date -u +%Y%m%dT%H%M%SZ)\n"
                + "for db in " + names + "; do\n"
                + "  pg_dump --format=custom --file=" + MOUNT + "/$db-$stamp.dump.partial \"$db\"\n"
                + "  mv " + MOUNT + "/$db-$stamp.dump.partial " + MOUNT + "/$db-$stamp.dump\n"
                + "  ls -1t " + MOUNT + "/$db-*.dump | tail -n +" + (retain + 1) + " | xargs -r rm --\n"
                + "done\n";
    }

    static int retain(BackupSpec backup) {
        return backup.retain() == null ? DEFAULT_RETAIN : backup.retain();
    }
}
