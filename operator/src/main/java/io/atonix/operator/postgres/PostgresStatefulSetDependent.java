package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresStatefulSetDependent extends StampedDependent<StatefulSet, Postgres> {

    public PostgresStatefulSetDependent() {
        super(StatefulSet.class);
    }

    @Override
    protected StatefulSet desired(Postgres primary, Context<Postgres> context) {
        Map<String, Secret> secrets = Secondaries.labelled(
                context,
                Secret.class,
                Labels.POSTGRES,
                primary.getMetadata().getName(),
                s -> s.getMetadata().getName());
        return PostgresStatefulSets.desired(primary, PostgresStatefulSets.credentialsChecksum(primary, secrets));
    }

    /**
     * The API server refuses changes to a StatefulSet's volume claim templates; a larger volume is a change of the
     * claims themselves ({@link PostgresVolumes}), so the templates the StatefulSet was created with are kept and are
     * not a difference.
     */
    @Override
    public Matcher.Result<StatefulSet> match(
            StatefulSet actual, StatefulSet desired, Postgres primary, Context<Postgres> context) {
        return super.match(actual, withTemplatesOf(actual, desired), primary, context);
    }

    @Override
    public StatefulSet update(StatefulSet actual, StatefulSet desired, Postgres primary, Context<Postgres> context) {
        return super.update(actual, withTemplatesOf(actual, desired), primary, context);
    }

    private static StatefulSet withTemplatesOf(StatefulSet actual, StatefulSet desired) {
        return new StatefulSetBuilder(desired)
                .editSpec()
                .withVolumeClaimTemplates(actual.getSpec().getVolumeClaimTemplates())
                .endSpec()
                .build();
    }
}
