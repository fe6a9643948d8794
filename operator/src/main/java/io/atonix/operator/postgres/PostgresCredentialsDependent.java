package io.atonix.operator.postgres;

import java.util.Map;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.Passwords;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * The generated credentials of a Postgres, keyed by Secret name. Create-only (an Updater only because bulk dependents
 * must be, with a match that always holds): a Secret that exists is never updated or regenerated, so a reconcile cannot change a password; and a credential outlives its declaration, like
 * the role and database it opens.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PostgresCredentialsDependent extends KubernetesDependentResource<Secret, Postgres>
        implements Creator<Secret, Postgres>, Updater<Secret, Postgres>, GarbageCollected<Postgres>,
        BulkDependentResource<Secret, Postgres, String> {

    public PostgresCredentialsDependent() {
        super(Secret.class);
    }

    @Override
    public Map<String, Secret> desiredResources(Postgres primary, Context<Postgres> context) {
        return PostgresSecrets.all(primary, Passwords::generate);
    }

    @Override
    public Map<String, Secret> getSecondaryResources(Postgres primary, Context<Postgres> context) {
        return Secondaries.labelled(context, Secret.class, Labels.POSTGRES, primary.getMetadata().getName(), s -> s.getMetadata().getName());
    }

    /** An existing credential is always what is wanted: it is never compared, so never updated or regenerated. */
    @Override
    public Matcher.Result<Secret> match(Secret actual, Secret desired, Postgres primary, Context<Postgres> context) {
        return Matcher.Result.computed(true, actual);
    }

    @Override
    public void deleteTargetResource(Postgres primary, Secret resource, String key, Context<Postgres> context) {
        // Never: see the class comment. Kubernetes' garbage collector removes them with the Postgres.
    }
}
