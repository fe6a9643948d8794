package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.REDIS_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class RedisServiceDependent extends StampedDependent<Service, Redis> {

    public RedisServiceDependent() {
        super(Service.class);
    }

    @Override
    protected Service desired(Redis primary, Context<Redis> context) {
        return RedisServices.desired(primary);
    }
}
