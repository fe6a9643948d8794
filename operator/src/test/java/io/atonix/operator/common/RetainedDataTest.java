package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

/** The rules of who holds what a Postgres or Redis keeps to reopen its data, without a cluster. */
class RetainedDataTest {
    private static final Postgres SHOP = postgres("uid-now", "2026-12-02T09:00:00Z");

    @Test
    void underRetainAKeptObjectHasNoOwnerReferenceAndNamesTheResourceAndUidThatKeepIt() {
        ObjectMeta held = RetainedData.held(owned(SHOP).getMetadata(), SHOP, DeletionPolicy.Retain, true);
        assertThat(held.getOwnerReferences()).isNullOrEmpty();
        assertThat(held.getAnnotations())
                .containsEntry(RetainedData.RETAINED_BY, "Postgres/shop")
                .containsEntry(RetainedData.RETAINED_BY_UID, "uid-now");
    }

    @Test
    void noPolicyMeansRetain() {
        assertThat(RetainedData.retains(null)).isTrue();
        assertThat(RetainedData.retains(DeletionPolicy.Delete)).isFalse();
    }

    @Test
    void underDeleteAKeptObjectIsOwnedByTheResourceAndLosesTheRetentionAnnotations() {
        Secret retained = secret(new ObjectMetaBuilder()
                .withName("shop-superuser")
                .addToAnnotations(RetainedData.RETAINED_BY, "Postgres/shop")
                .addToAnnotations(RetainedData.RETAINED_BY_UID, "uid-now")
                .addToAnnotations("team", "kept")
                .build());
        ObjectMeta held = RetainedData.held(retained.getMetadata(), SHOP, DeletionPolicy.Delete, true);
        assertThat(held.getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getUid()).isEqualTo("uid-now");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(held.getAnnotations()).containsOnlyKeys("team");
        assertThat(RetainedData.heldAsWanted(retained, SHOP, DeletionPolicy.Delete, true))
                .isFalse();
        assertThat(RetainedData.heldAsWanted(secret(held), SHOP, DeletionPolicy.Delete, true))
                .isTrue();
    }

    @Test
    void aClaimOfTheStatefulSetKeepsTheOwnerReferencesItsControllerGaveItAndOnlyGetsTheAnnotations() {
        Secret claim = secret(new ObjectMetaBuilder()
                .withName("data-shop-0")
                .addToOwnerReferences(new OwnerReferenceBuilder()
                        .withKind("StatefulSet")
                        .withName("shop")
                        .withUid("sts")
                        .build())
                .build());
        ObjectMeta retained = RetainedData.held(claim.getMetadata(), SHOP, DeletionPolicy.Retain, false);
        assertThat(retained.getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo("sts"));
        assertThat(retained.getAnnotations()).containsKey(RetainedData.RETAINED_BY_UID);
        ObjectMeta deleted = RetainedData.held(retained, SHOP, DeletionPolicy.Delete, false);
        assertThat(deleted.getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo("sts"));
        assertThat(deleted.getAnnotations()).isNullOrEmpty();
    }

    @Test
    void anObjectAnEarlierResourceOfTheNameKeptIsAdoptedAndOneTheResourceKeepsItselfIsNot() {
        Secret earlier = secret(RetainedData.held(
                new ObjectMetaBuilder().withName("shop-superuser").build(),
                postgres("uid-before", "2026-12-01T09:00:00Z"),
                DeletionPolicy.Retain,
                true));
        assertThat(RetainedData.keptByEarlier(earlier, SHOP)).isTrue();
        Secret own = secret(RetainedData.held(earlier.getMetadata(), SHOP, DeletionPolicy.Retain, true));
        assertThat(RetainedData.keptByEarlier(own, SHOP)).isFalse();
        assertThat(RetainedData.keptByEarlier(owned(SHOP), SHOP)).isFalse();
    }

    @Test
    void theResourceThatAdoptedAnObjectIsNamedOnItWhateverItsPolicyLater() {
        ObjectMeta adopted = new ObjectMetaBuilder()
                .withName("shop-superuser")
                .addToAnnotations(RetainedData.REOPENED_BY_UID, "uid-now")
                .build();
        assertThat(RetainedData.reopenedBy(secret(adopted), SHOP)).isTrue();
        assertThat(RetainedData.reopenedBy(secret(adopted), postgres("uid-later", "2026-12-03T09:00:00Z")))
                .isFalse();
        assertThat(RetainedData.held(adopted, SHOP, DeletionPolicy.Delete, true).getAnnotations())
                .containsEntry(RetainedData.REOPENED_BY_UID, "uid-now");
    }

    @Test
    void anOwnerlessObjectWithoutAnnotationsIsAdoptedOnlyWhenItIsOlderThanTheResource() {
        Secret older = secret(new ObjectMetaBuilder()
                .withName("data-shop-0")
                .withCreationTimestamp("2026-12-01T08:00:00Z")
                .build());
        Secret newer = secret(new ObjectMetaBuilder()
                .withName("data-shop-0")
                .withCreationTimestamp("2026-12-02T09:00:05Z")
                .build());
        assertThat(RetainedData.keptByEarlier(older, SHOP)).isTrue();
        assertThat(RetainedData.keptByEarlier(newer, SHOP)).isFalse();
    }

    @Test
    void anObjectStillOwnedByADeletedResourceOfTheNameIsLeftToTheGarbageCollector() {
        Secret earlier = owned(postgres("uid-before", "2026-12-01T09:00:00Z"));
        assertThat(RetainedData.goingWithEarlier(earlier, SHOP)).isTrue();
        assertThat(RetainedData.keptByEarlier(earlier, SHOP)).isFalse();
        assertThat(RetainedData.goingWithEarlier(owned(SHOP), SHOP)).isFalse();
    }

    private static Secret owned(Postgres owner) {
        return secret(new ObjectMetaBuilder()
                .withName("shop-superuser")
                .addToOwnerReferences(Owners.controller(owner))
                .build());
    }

    private static Secret secret(ObjectMeta metadata) {
        return new SecretBuilder().withMetadata(metadata).build();
    }

    private static Postgres postgres(String uid, String created) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop")
                .withNamespace("shop")
                .withUid(uid)
                .withCreationTimestamp(created)
                .build());
        return postgres;
    }
}
