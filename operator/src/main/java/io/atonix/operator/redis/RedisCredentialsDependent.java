package io.atonix.operator.redis;

import java.util.Map;
import java.util.Optional;

import io.atonix.api.v1alpha1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Passwords;
import io.atonix.operator.common.Secondaries;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * The generated credentials of a Redis, keyed by Secret name. Create-only (an Updater only because bulk dependents
 * must be, with a match that always holds): a Secret that exists is never updated or regenerated, so a reconcile
 * cannot change a password. A user's Secret outlives the user's declaration, so that a user declared again gets its
 * old password back; the ACL file no longer lets it in meanwhile.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class RedisCredentialsDependent extends KubernetesDependentResource<Secret, Redis>
        implements Creator<Secret, Redis>, Updater<Secret, Redis>, GarbageCollected<Redis>, BulkDependentResource<Secret, Redis, String> {

    public RedisCredentialsDependent() {
        super(Secret.class);
    }

    @Override
    public Map<String, Secret> desiredResources(Redis primary, Context<Redis> context) {
        return RedisSecrets.all(primary, Passwords::generate);
    }

    @Override
    public Map<String, Secret> getSecondaryResources(Redis primary, Context<Redis> context) {
        Map<String, Secret> secrets = stored(primary, context);
        // The ACL file is a Secret of this Redis too, but not a credential.
        secrets.remove(Names.redisAcl(primary.getMetadata().getName()));
        return secrets;
    }

    /** An existing credential is always what is wanted: it is never compared, so never updated or regenerated. */
    @Override
    public Matcher.Result<Secret> match(Secret actual, Secret desired, Redis primary, Context<Redis> context) {
        return Matcher.Result.computed(true, actual);
    }

    @Override
    public void deleteTargetResource(Redis primary, Secret resource, String key, Context<Redis> context) {
        // Never: see the class comment. Kubernetes' garbage collector removes them with the Redis.
    }

    /** Each ACL user's password from the cached Secrets; empty while one of them is not there yet. */
    static Optional<Map<String, String>> passwords(Redis redis, Context<Redis> context) {
        return RedisSecrets.passwords(redis, stored(redis, context));
    }

    private static Map<String, Secret> stored(Redis redis, Context<Redis> context) {
        return Secondaries.labelled(context, Secret.class, Labels.REDIS, redis.getMetadata().getName(), s -> s.getMetadata().getName());
    }
}
