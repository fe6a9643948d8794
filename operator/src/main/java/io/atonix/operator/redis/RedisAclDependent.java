package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/**
 * The Secret that holds the ACL file, keyed "acl". A bulk dependent of one so that it picks its own Secret by name
 * among the Redis' credential Secrets, which carry the same labels and owner.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.REDIS_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class RedisAclDependent extends StampedDependent<Secret, Redis>
        implements BulkDependentResource<Secret, Redis, String> {
    static final String KEY = "acl";

    public RedisAclDependent() {
        super(Secret.class);
    }

    @Override
    public Map<String, Secret> desiredResources(Redis primary, Context<Redis> context) {
        return Map.of(KEY, RedisAcl.desired(primary, StoredPasswords.of(primary, context)));
    }

    @Override
    public Map<String, Secret> getSecondaryResources(Redis primary, Context<Redis> context) {
        String acl = Names.redisAcl(primary.getMetadata().getName());
        Map<String, Secret> secrets = Secondaries.labelled(
                context,
                Secret.class,
                Labels.REDIS,
                primary.getMetadata().getName(),
                s -> acl.equals(s.getMetadata().getName()) ? KEY : null);
        return secrets;
    }

    @Override
    public void deleteTargetResource(Redis primary, Secret resource, String key, Context<Redis> context) {
        context.getClient().resource(resource).delete();
    }
}
