package io.atonix.operator.postgres;

import java.util.Map;
import java.util.Set;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;

/**
 * The volume claim backups go to. Create-only and never deleted by the operator: with deletionPolicy Retain it has no
 * owner reference (found by its label instead), so the backups outlive the Postgres; with Delete the garbage
 * collector removes it with the Postgres.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PostgresBackupClaimDependent extends KubernetesDependentResource<PersistentVolumeClaim, Postgres>
        implements Creator<PersistentVolumeClaim, Postgres>, SecondaryToPrimaryMapper<PersistentVolumeClaim> {

    public PostgresBackupClaimDependent() {
        super(PersistentVolumeClaim.class);
    }

    @Override
    protected PersistentVolumeClaim desired(Postgres primary, Context<Postgres> context) {
        return PostgresBackups.claim(primary).orElseThrow();
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(PersistentVolumeClaim claim) {
        Map<String, String> labels = claim.getMetadata().getLabels();
        String postgres = labels == null ? null : labels.get(Labels.POSTGRES);
        // Only the backup claims: the data claims of the StatefulSet carry the label too but are not this dependent's.
        if (postgres == null || !claim.getMetadata().getName().equals(Names.postgresBackups(postgres))) {
            return Set.of();
        }
        return Set.of(new ResourceID(postgres, claim.getMetadata().getNamespace()));
    }

    @Override
    protected boolean addOwnerReference() {
        return false;
    }

    /** Whether the Postgres asks for backups; the claim is only created then. */
    static boolean requested(Postgres postgres) {
        return postgres.getSpec().backup() != null;
    }
}
