package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Growing the data volumes when {@code spec.storage.size} grows. A StatefulSet never changes the claims it created, so the
 * operator asks each claim for the new size itself; the storage class must allow expansion, and the volume grows
 * when the storage driver (and, for some drivers, a restart of the pod) gets to it.
 */
final class PostgresVolumes {

    private PostgresVolumes() {}

    /** The Postgres' data claims that request less than the spec asks for, each with the request it should have. */
    static List<PersistentVolumeClaim> toGrow(Postgres postgres, Collection<PersistentVolumeClaim> claims) {
        Quantity wanted = postgres.getSpec().storage().size();
        return claims.stream()
                .filter(claim -> isDataClaim(postgres, claim))
                .filter(claim -> request(claim)
                        .map(q -> Quantities.amount(q).compareTo(Quantities.amount(wanted)) < 0)
                        .orElse(false))
                .map(claim -> new PersistentVolumeClaimBuilder(claim)
                        .editSpec()
                        .editResources()
                        .addToRequests("storage", Quantities.canonical(wanted))
                        .endResources()
                        .endSpec()
                        .build())
                .toList();
    }

    /** Names of data claims whose volume is still smaller than what they request: the expansion is under way. */
    static List<String> growing(Postgres postgres, Collection<PersistentVolumeClaim> claims) {
        return claims.stream()
                .filter(claim -> isDataClaim(postgres, claim))
                .filter(claim -> {
                    Optional<Quantity> capacity = Optional.ofNullable(claim.getStatus())
                            .map(s -> s.getCapacity())
                            .map(c -> c.get("storage"));
                    Optional<Quantity> request = request(claim);
                    return capacity.isPresent()
                            && request.isPresent()
                            && Quantities.amount(capacity.get()).compareTo(Quantities.amount(request.get())) < 0;
                })
                .map(claim -> claim.getMetadata().getName())
                .sorted()
                .toList();
    }

    /** A claim the StatefulSet made from its template: {@code <template>-<statefulset>-<ordinal>}. */
    static boolean isDataClaim(Postgres postgres, PersistentVolumeClaim claim) {
        String prefix =
                PostgresStatefulSets.DATA_VOLUME + "-" + postgres.getMetadata().getName() + "-";
        String name = claim.getMetadata().getName();
        return name.startsWith(prefix) && name.substring(prefix.length()).matches("[0-9]+");
    }

    private static Optional<Quantity> request(PersistentVolumeClaim claim) {
        return Optional.ofNullable(claim.getSpec())
                .map(s -> s.getResources())
                .map(r -> r.getRequests())
                .map(r -> r.get("storage"));
    }
}
