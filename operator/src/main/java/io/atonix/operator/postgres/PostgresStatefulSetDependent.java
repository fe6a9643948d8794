package io.atonix.operator.postgres;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PostgresStatefulSetDependent extends StampedDependent<StatefulSet, Postgres> {

    public PostgresStatefulSetDependent() {
        super(StatefulSet.class);
    }

    @Override
    protected StatefulSet desired(Postgres primary, Context<Postgres> context) {
        return PostgresStatefulSets.desired(primary);
    }

    @Override
    public StatefulSet update(StatefulSet actual, StatefulSet desired, Postgres primary, Context<Postgres> context) {
        // The API server refuses changes to a StatefulSet's volume claim templates; a larger volume is a change of the
        // claims themselves, not of the template, so the update keeps the templates the StatefulSet was created with.
        StatefulSet updatable = new StatefulSetBuilder(desired).editSpec()
                .withVolumeClaimTemplates(actual.getSpec().getVolumeClaimTemplates())
                .endSpec().build();
        return super.update(actual, updatable, primary, context);
    }
}
