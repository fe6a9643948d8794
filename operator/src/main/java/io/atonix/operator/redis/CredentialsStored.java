package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * The ACL file and the StatefulSet hash the stored passwords, so they wait until every credential Secret is in the
 * cache; the Secret's own event brings the next reconcile.
 */
public class CredentialsStored implements Condition<Secret, Redis> {

    @Override
    public boolean isMet(DependentResource<Secret, Redis> dependentResource, Redis primary, Context<Redis> context) {
        return RedisCredentialsDependent.passwords(primary, context).isPresent();
    }
}
