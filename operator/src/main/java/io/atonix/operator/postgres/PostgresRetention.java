package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
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
 * What a Postgres keeps to open its data again, held as its deletion policy says ({@link RetainedData}): every
 * credential Secret (the superuser's, the monitoring login's, the owners', the logins'), the backup claim and the data
 * claims, whose owner reference the StatefulSet controller sets from persistentVolumeClaimRetentionPolicy. Their
 * volumes get reclaim policy Retain under Retain ({@link VolumeReclaim}).
 */
final class PostgresRetention {

    private PostgresRetention() {}

    /** Names of what was adopted from an earlier Postgres of the same name, now or before; an Event tells the new. */
    static Retention.Outcome apply(Postgres postgres, Context<Postgres> context, SettlingVolumes settlingVolumes) {
        String name = postgres.getMetadata().getName();
        List<Retention.Kept> kept = new ArrayList<>();
        Secondaries.labelled(
                        context,
                        Secret.class,
                        Labels.POSTGRES,
                        name,
                        s -> s.getMetadata().getName())
                .values()
                .forEach(secret -> kept.add(new Retention.Kept(secret, true)));
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        Secondaries.labelled(
                        context,
                        PersistentVolumeClaim.class,
                        Labels.POSTGRES,
                        name,
                        c -> c.getMetadata().getName())
                .values()
                .forEach(claim -> {
                    boolean backups = claim.getMetadata().getName().equals(Names.postgresBackups(name));
                    if (backups || PostgresVolumes.isDataClaim(postgres, claim)) {
                        kept.add(new Retention.Kept(claim, backups));
                        if (!RetainedData.goingWithEarlier(claim, postgres)) {
                            claims.add(claim);
                        }
                    }
                });
        List<String> adopted =
                Retention.apply(context, postgres, postgres.getSpec().deletionPolicy(), kept);
        boolean settling = VolumeReclaim.apply(
                context.getClient(), postgres, postgres.getSpec().deletionPolicy(), claims, settlingVolumes);
        return new Retention.Outcome(adopted, settling);
    }
}
