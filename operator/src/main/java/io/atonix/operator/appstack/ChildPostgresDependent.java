package io.atonix.operator.appstack;

import java.util.Map;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The stack's child Postgres: none, or one keyed "postgres"; removed when spec.postgres is (its volume stays unless Delete). */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ChildPostgresDependent extends StampedDependent<Postgres, AppStack> implements BulkDependentResource<Postgres, AppStack, String> {
    static final String KEY = "postgres";

    public ChildPostgresDependent() {
        super(Postgres.class);
    }

    @Override
    public Map<String, Postgres> desiredResources(AppStack primary, Context<AppStack> context) {
        return ChildPostgres.desired(primary).map(p -> Map.of(KEY, p)).orElse(Map.of());
    }

    @Override
    public Map<String, Postgres> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(context, Postgres.class, Labels.STACK, primary.getMetadata().getName(), p -> KEY);
    }

    @Override
    public void deleteTargetResource(AppStack primary, Postgres resource, String key, Context<AppStack> context) {
        context.getClient().resource(resource).delete();
    }
}
