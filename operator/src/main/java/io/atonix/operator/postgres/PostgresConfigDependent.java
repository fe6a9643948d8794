package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.POSTGRES_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class PostgresConfigDependent extends StampedDependent<ConfigMap, Postgres> {

    public PostgresConfigDependent() {
        super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(Postgres primary, Context<Postgres> context) {
        return PostgresConfig.desired(primary);
    }
}
