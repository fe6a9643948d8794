package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.OptionalChildDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The backup CronJob: present while spec.backup is set, removed when it is not (the backups themselves stay). */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresBackupJobDependent extends OptionalChildDependent<CronJob, Postgres> {
    static final String KEY = "backup";

    public PostgresBackupJobDependent() {
        super(CronJob.class, KEY, Labels.POSTGRES);
    }

    @Override
    protected Optional<CronJob> desiredChild(Postgres primary) {
        return PostgresBackups.cronJob(primary);
    }
}
