package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.REDIS_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class RedisStatefulSetDependent extends StampedDependent<StatefulSet, Redis> {

    public RedisStatefulSetDependent() {
        super(StatefulSet.class);
    }

    @Override
    protected StatefulSet desired(Redis primary, Context<Redis> context) {
        return RedisStatefulSets.desired(
                primary, StoredPasswords.of(primary, context), RedisCredentialsDependent.tlsChecksum(primary, context));
    }

    /**
     * The API server refuses changes to a StatefulSet's volume claim templates, so the templates the StatefulSet was
     * created with are kept, and are not a difference (a larger volume is a change of the claim, not applied yet).
     */
    @Override
    public Matcher.Result<StatefulSet> match(
            StatefulSet actual, StatefulSet desired, Redis primary, Context<Redis> context) {
        return super.match(actual, withTemplatesOf(actual, desired), primary, context);
    }

    @Override
    public StatefulSet update(StatefulSet actual, StatefulSet desired, Redis primary, Context<Redis> context) {
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
