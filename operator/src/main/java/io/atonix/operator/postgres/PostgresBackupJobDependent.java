package io.atonix.operator.postgres;

import java.util.Map;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The backup CronJob: present while spec.backup is set, removed when it is not (the backups themselves stay). */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresBackupJobDependent extends StampedDependent<CronJob, Postgres> implements BulkDependentResource<CronJob, Postgres, String> {
    static final String KEY = "backup";

    public PostgresBackupJobDependent() {
        super(CronJob.class);
    }

    @Override
    public Map<String, CronJob> desiredResources(Postgres primary, Context<Postgres> context) {
        return PostgresBackups.cronJob(primary).map(job -> Map.of(KEY, job)).orElse(Map.of());
    }

    @Override
    public Map<String, CronJob> getSecondaryResources(Postgres primary, Context<Postgres> context) {
        return Secondaries.labelled(context, CronJob.class, Labels.POSTGRES, primary.getMetadata().getName(), j -> KEY);
    }

    @Override
    public void deleteTargetResource(Postgres primary, CronJob resource, String key, Context<Postgres> context) {
        context.getClient().resource(resource).delete();
    }
}
