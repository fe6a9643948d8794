package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.OptionalChildDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The stack's child Postgres: none, or one keyed "postgres"; removed when spec.postgres is (its volume stays unless Delete). */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ChildPostgresDependent extends OptionalChildDependent<Postgres, AppStack> {
    static final String KEY = "postgres";

    public ChildPostgresDependent() {
        super(Postgres.class, KEY, Labels.STACK);
    }

    @Override
    protected Optional<Postgres> desiredChild(AppStack primary) {
        return ChildPostgres.desired(primary);
    }
}
