package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The backup claim is reconciled only when spec.backup is set. */
public class BackupRequested implements Condition<PersistentVolumeClaim, Postgres> {

    @Override
    public boolean isMet(
            DependentResource<PersistentVolumeClaim, Postgres> dependentResource,
            Postgres primary,
            Context<Postgres> context) {
        return PostgresBackupClaimDependent.requested(primary);
    }
}
