package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * The volume claim backups go to. Create-only and never deleted by the operator: with deletionPolicy Retain it has no
 * owner reference (found by its label instead), so the backups outlive the Postgres; with Delete the garbage
 * collector removes it with the Postgres. A change of policy reaches the claim through {@link PostgresRetention}.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresBackupClaimDependent extends KubernetesDependentResource<PersistentVolumeClaim, Postgres>
        implements Creator<PersistentVolumeClaim, Postgres>, SecondaryToPrimaryMapper<PersistentVolumeClaim> {

    public PostgresBackupClaimDependent() {
        super(PersistentVolumeClaim.class);
    }

    @Override
    protected PersistentVolumeClaim desired(Postgres primary, Context<Postgres> context) {
        return PostgresBackups.claim(primary).orElseThrow();
    }

    /**
     * Every claim of a Postgres, found by its label: the backup claim, which may have no owner reference, and the data
     * claims the StatefulSet creates, which the reconciler grows when the spec asks for more storage.
     */
    @Override
    public Set<ResourceID> toPrimaryResourceIDs(PersistentVolumeClaim claim) {
        return Secondaries.primaryNamedBy(claim, Labels.POSTGRES);
    }

    /** The backup claim among the Postgres' claims, by name, without building the desired claim. */
    @Override
    protected ResourceID targetSecondaryResourceID(Postgres primary, Context<Postgres> context) {
        return new ResourceID(
                Names.postgresBackups(primary.getMetadata().getName()),
                primary.getMetadata().getNamespace());
    }

    @Override
    protected boolean addOwnerReference() {
        return false;
    }

    /** Whether the Postgres asks for backups into a volume; the claim is only created then. */
    static boolean requested(Postgres postgres) {
        return postgres.getSpec().backup() != null
                && postgres.getSpec().backup().volume() != null;
    }
}
