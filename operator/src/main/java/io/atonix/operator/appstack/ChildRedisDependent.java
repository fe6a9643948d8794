package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.OptionalChildDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The stack's child Redis: none, or one keyed "redis"; removed when spec.redis is (its volume stays unless Delete). */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ChildRedisDependent extends OptionalChildDependent<Redis, AppStack> {
    static final String KEY = "redis";

    public ChildRedisDependent() {
        super(Redis.class, KEY, Labels.STACK);
    }

    @Override
    protected Optional<Redis> desiredChild(AppStack primary) {
        return ChildRedis.desired(primary);
    }
}
