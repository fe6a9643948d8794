package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Quantities;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Growing the data volumes when {@code spec.storage.size} grows. A StatefulSet never changes the claims it created, so the
 * operator asks each claim for the new size itself; the storage class must allow expansion, and the volume grows
 * when the storage driver (and, for some drivers, a restart of the pod) gets to it.
 */
final class PostgresVolumes {
    /** On a data claim the operator asked for more storage: when it did so, the start of the wait for the volume to grow. */
    static final String EXPANSION_REQUESTED_AT = "atonix.io/expansion-requested-at";

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
        return growingClaims(postgres, claims)
                .map(claim -> claim.getMetadata().getName())
                .toList();
    }

    /** Growing claims without a note of when they were asked to grow (by an earlier release, or a person). */
    static List<PersistentVolumeClaim> growingUnnoted(Postgres postgres, Collection<PersistentVolumeClaim> claims) {
        return growingClaims(postgres, claims)
                .filter(claim -> WaitStart.of(claim, EXPANSION_REQUESTED_AT).isEmpty())
                .toList();
    }

    /**
     * For each claim that has been growing for longer than the bound, why and what to do, for a person. The time is
     * the note on the claim, so a restart of the operator does not reset it.
     */
    static List<String> overdue(
            Postgres postgres, Collection<PersistentVolumeClaim> claims, Duration bound, Instant now) {
        List<String> overdue = new ArrayList<>();
        growingClaims(postgres, claims)
                .forEach(claim -> WaitStart.of(claim, EXPANSION_REQUESTED_AT)
                        .filter(since -> WaitStart.over(since, bound, now))
                        .ifPresent(since -> overdue.add("volume claim "
                                + claim.getMetadata().getName() + " was asked for "
                                + request(claim).orElseThrow() + " at " + WaitStart.stamp(since)
                                + " and has not grown within " + WaitStart.words(bound)
                                + ": kubectl describe pvc "
                                + claim.getMetadata().getName()
                                + " says why (FileSystemResizePending: the pod must restart; no Resizing condition: the"
                                + " storage driver does not expand volumes). It is released once the volume grows")));
        return overdue;
    }

    private static Stream<PersistentVolumeClaim> growingClaims(
            Postgres postgres, Collection<PersistentVolumeClaim> claims) {
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
                .sorted(Comparator.comparing(claim -> claim.getMetadata().getName()));
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
