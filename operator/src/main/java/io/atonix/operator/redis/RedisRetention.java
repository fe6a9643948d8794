package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.RetainedData;
import io.atonix.operator.common.Retention;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.SettlingVolumes;
import io.atonix.operator.common.VolumeReclaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Redis keeps to open its data again, held as its deletion policy says ({@link RetainedData}): the credential
 * Secrets (the administrator's, the exporter's, each user's; not the ACL file, which is made from them) and the data
 * claims of a persistent Redis, whose owner reference the StatefulSet controller sets from
 * persistentVolumeClaimRetentionPolicy. Their volumes get reclaim policy Retain under Retain ({@link VolumeReclaim}).
 */
final class RedisRetention {

    private RedisRetention() {}

    /** Names of what was adopted from an earlier Redis of the same name, now or before; an Event tells the new. */
    static Retention.Outcome apply(Redis redis, Context<Redis> context, SettlingVolumes settlingVolumes) {
        String name = redis.getMetadata().getName();
        List<Retention.Kept> kept = new ArrayList<>();
        Secondaries.labelled(
                        context,
                        Secret.class,
                        Labels.REDIS,
                        name,
                        s -> s.getMetadata().getName())
                .values()
                .stream()
                .filter(secret -> !secret.getMetadata().getName().equals(Names.redisAcl(name)))
                .forEach(secret -> kept.add(new Retention.Kept(secret, true)));
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        Secondaries.labelled(
                        context,
                        PersistentVolumeClaim.class,
                        Labels.REDIS,
                        name,
                        c -> c.getMetadata().getName())
                .values()
                .stream()
                .filter(claim -> isDataClaim(redis, claim))
                .forEach(claim -> {
                    kept.add(new Retention.Kept(claim, false));
                    if (!RetainedData.goingWithEarlier(claim, redis)) {
                        claims.add(claim);
                    }
                });
        List<String> adopted = Retention.apply(context, redis, redis.getSpec().deletionPolicy(), kept);
        boolean settling = VolumeReclaim.apply(
                context.getClient(), redis, redis.getSpec().deletionPolicy(), claims, settlingVolumes);
        return new Retention.Outcome(adopted, settling);
    }

    /** A claim the StatefulSet made from its template: {@code data-<redis>-<ordinal>}. */
    static boolean isDataClaim(Redis redis, PersistentVolumeClaim claim) {
        String prefix =
                RedisStatefulSets.DATA_VOLUME + "-" + redis.getMetadata().getName() + "-";
        String name = claim.getMetadata().getName();
        return name.startsWith(prefix) && name.substring(prefix.length()).matches("[0-9]+");
    }
}
