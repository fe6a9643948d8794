package io.atonix.operator.appstack;

import java.util.Map;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The stack's child Redis: none, or one keyed "redis"; removed when spec.redis is (its volume stays unless Delete). */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class ChildRedisDependent extends StampedDependent<Redis, AppStack> implements BulkDependentResource<Redis, AppStack, String> {
    static final String KEY = "redis";

    public ChildRedisDependent() {
        super(Redis.class);
    }

    @Override
    public Map<String, Redis> desiredResources(AppStack primary, Context<AppStack> context) {
        return ChildRedis.desired(primary).map(r -> Map.of(KEY, r)).orElse(Map.of());
    }

    @Override
    public Map<String, Redis> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(context, Redis.class, Labels.STACK, primary.getMetadata().getName(), r -> KEY);
    }

    @Override
    public void deleteTargetResource(AppStack primary, Redis resource, String key, Context<AppStack> context) {
        context.getClient().resource(resource).delete();
    }
}
