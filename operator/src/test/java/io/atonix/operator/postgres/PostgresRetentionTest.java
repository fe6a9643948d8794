package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReopenedData;
import io.atonix.operator.common.RetainedData;
import io.atonix.operator.common.Retention;
import io.atonix.operator.common.Updates;
import io.atonix.operator.common.VolumeReclaim;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a Postgres keeps under deletionPolicy Retain, against the mock API server (which has no garbage collector: an
 * owned object stays too, so these tests look at owner references, the real tier at what the collector does).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class PostgresRetentionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> CREDENTIALS =
            List.of("orders-superuser", "orders-monitoring", "orders-shop-owner", "orders-checkout-login");

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    @Test
    void underRetainTheCredentialsHaveNoOwnerAndANewPostgresOfTheNameAdoptsThemWithTheirPasswordsAndSaysSo() {
        create("pg-reopen", spec(DeletionPolicy.Retain, null));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (String name : CREDENTIALS) {
                assertThat(secret("pg-reopen", name)).as(name).isNotNull();
            }
        });
        String first = get("pg-reopen").getMetadata().getUid();
        Map<String, String> passwords = new java.util.HashMap<>();
        for (String name : CREDENTIALS) {
            Secret secret = secret("pg-reopen", name);
            assertThat(secret.getMetadata().getOwnerReferences()).as(name).isNullOrEmpty();
            assertThat(secret.getMetadata().getAnnotations())
                    .containsEntry(RetainedData.RETAINED_BY, "Postgres/orders")
                    .containsEntry(RetainedData.RETAINED_BY_UID, first);
            passwords.put(name, password(secret));
        }

        client.resources(Postgres.class)
                .inNamespace("pg-reopen")
                .withName("orders")
                .delete();
        await().atMost(TIMEOUT).until(() -> get("pg-reopen") == null);
        create("pg-reopen", spec(DeletionPolicy.Retain, null));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Postgres again = get("pg-reopen");
            assertThat(again.getMetadata().getUid()).isNotEqualTo(first);
            assertThat(again.getStatus()).isNotNull();
            var reused = Conditions.find(again.getStatus().conditions(), ReopenedData.CONDITION)
                    .orElseThrow();
            assertThat(reused.holds()).isTrue();
            assertThat(reused.reason()).isEqualTo(ReopenedData.REASON);
            assertThat(reused.message()).contains("Secret orders-superuser", "Secret orders-checkout-login");
            for (String name : CREDENTIALS) {
                assertThat(secret("pg-reopen", name).getMetadata().getAnnotations())
                        .containsEntry(
                                RetainedData.RETAINED_BY_UID,
                                again.getMetadata().getUid());
            }
        });
        for (String name : CREDENTIALS) {
            assertThat(password(secret("pg-reopen", name))).as(name).isEqualTo(passwords.get(name));
        }
        // The objects say who adopted them, so the condition stays through later reconciles.
        Updates.change(
                client,
                Postgres.class,
                "pg-reopen",
                "orders",
                p -> p.setSpec(new PostgresSpec(
                        "16",
                        1,
                        VolumeSpec.of("5Gi"),
                        List.of(new DatabaseSpec("shop", List.of())),
                        List.of(new RoleSpec("checkout", "shop", Access.ReadWrite)),
                        Map.of("work_mem", "8MB"),
                        null,
                        null,
                        DeletionPolicy.Retain,
                        null,
                        null,
                        null)));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Postgres changed = get("pg-reopen");
            assertThat(changed.getStatus().observedGeneration())
                    .isEqualTo(changed.getMetadata().getGeneration());
            assertThat(Conditions.find(changed.getStatus().conditions(), ReopenedData.CONDITION)
                            .orElseThrow()
                            .holds())
                    .isTrue();
            assertThat(secret("pg-reopen", "orders-superuser").getMetadata().getAnnotations())
                    .containsEntry(
                            RetainedData.REOPENED_BY_UID, changed.getMetadata().getUid());
        });
        assertThat(client.v1().events().inNamespace("pg-reopen").list().getItems())
                .anySatisfy(event -> {
                    assertThat(event.getReason()).isEqualTo(ReopenedData.REASON);
                    assertThat(event.getInvolvedObject().getUid())
                            .isEqualTo(get("pg-reopen").getMetadata().getUid());
                });
    }

    @Test
    void switchingDeleteToRetainTakesTheOwnerOffTheCredentialsAndTheBackupClaimAndSwitchingBackGivesItBack() {
        BackupSpec backup = BackupSpec.toVolume("0 3 * * *", 3, VolumeSpec.of("2Gi"));
        create("pg-switch", spec(DeletionPolicy.Delete, backup));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            String uid = get("pg-switch").getMetadata().getUid();
            for (HasMetadata kept : kept("pg-switch")) {
                assertThat(kept).as("kept object").isNotNull();
                assertThat(kept.getMetadata().getOwnerReferences())
                        .as(kept.getMetadata().getName())
                        .anySatisfy(o -> assertThat(o.getUid()).isEqualTo(uid));
                assertThat(kept.getMetadata().getAnnotations()).doesNotContainKey(RetainedData.RETAINED_BY);
            }
        });

        Updates.change(
                client, Postgres.class, "pg-switch", "orders", p -> p.setSpec(spec(DeletionPolicy.Retain, backup)));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (HasMetadata kept : kept("pg-switch")) {
                assertThat(kept.getMetadata().getOwnerReferences())
                        .as(kept.getMetadata().getName())
                        .isNullOrEmpty();
                assertThat(kept.getMetadata().getAnnotations())
                        .containsEntry(RetainedData.RETAINED_BY, "Postgres/orders");
            }
        });
        assertThat(Conditions.find(get("pg-switch").getStatus().conditions(), ReopenedData.CONDITION))
                .as("nothing was reopened")
                .isEmpty();

        Updates.change(
                client, Postgres.class, "pg-switch", "orders", p -> p.setSpec(spec(DeletionPolicy.Delete, backup)));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            for (HasMetadata kept : kept("pg-switch")) {
                assertThat(kept.getMetadata().getOwnerReferences())
                        .as(kept.getMetadata().getName())
                        .singleElement()
                        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Postgres"));
            }
        });
    }

    @Test
    void underRetainTheVolumeOfADataClaimGetsReclaimPolicyRetainAndUnderDeleteItsFormerPolicyBack() {
        retainedOrdersWithABoundDataClaim("pg-volume", "pv-orders");

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var pv = client.persistentVolumes().withName("pv-orders").get();
            assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
            assertThat(pv.getMetadata().getAnnotations()).containsEntry(VolumeReclaim.POLICY_BEFORE, "Delete");
            assertThat(claim("pg-volume", "data-orders-0").getMetadata().getAnnotations())
                    .containsEntry(VolumeReclaim.RETAINED_VOLUME, "pv-orders")
                    .containsEntry(RetainedData.RETAINED_BY, "Postgres/orders");
        });

        Updates.change(
                client, Postgres.class, "pg-volume", "orders", p -> p.setSpec(spec(DeletionPolicy.Delete, null)));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var pv = client.persistentVolumes().withName("pv-orders").get();
            assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete");
            assertThat(pv.getMetadata().getAnnotations()).doesNotContainKey(VolumeReclaim.POLICY_BEFORE);
            assertThat(claim("pg-volume", "data-orders-0").getMetadata().getAnnotations())
                    .doesNotContainKeys(VolumeReclaim.RETAINED_VOLUME, RetainedData.RETAINED_BY);
        });
    }

    @Test
    void aVolumeAProvisionerWritesBackToDeleteWhileItBindsIsSetToRetainAgainBeforeItsClaimIsMarkedDone() {
        retainedOrdersWithABoundDataClaim("pg-race", "pv-race");
        awaitRetain("pv-race");

        // The provisioner writes the volume again from the claim it saw before, as kwok's stage does.
        client.persistentVolumes().withName("pv-race").edit(pv -> {
            pv.getSpec().setPersistentVolumeReclaimPolicy("Delete");
            return pv;
        });
        assertThat(claim("pg-race", "data-orders-0").getMetadata().getAnnotations())
                .as("the claim, while the volume settles")
                .doesNotContainKey(VolumeReclaim.RETAINED_VOLUME);

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var pv = client.persistentVolumes().withName("pv-race").get();
            assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
            assertThat(pv.getMetadata().getAnnotations()).containsEntry(VolumeReclaim.POLICY_BEFORE, "Delete");
            assertThat(claim("pg-race", "data-orders-0").getMetadata().getAnnotations())
                    .containsEntry(VolumeReclaim.RETAINED_VOLUME, "pv-race");
        });
    }

    @Test
    void settingRetainOnAVolumeReadsItOnceAndThenPatchesIt() throws InterruptedException {
        MockApiServer mock = new MockApiServer(client, server, meters);
        mock.drainRequests();
        retainedOrdersWithABoundDataClaim("pg-once", "pv-once");
        String volume = "/api/v1/persistentvolumes/pv-once";
        List<String> verbs = new ArrayList<>();
        // Only the recorded requests are watched: a read of the volume by this test would count as the operator's.
        await().atMost(TIMEOUT).until(() -> {
            mock.drainRequests().stream()
                    .filter(request -> request.getPath().startsWith(volume))
                    .forEach(request -> verbs.add(request.getMethod()));
            return verbs.contains("PATCH");
        });
        assertThat(verbs.subList(0, verbs.indexOf("PATCH") + 1))
                .as("requests for the volume until its reclaim policy is set")
                .containsExactly("GET", "PATCH");
    }

    @Test
    void aReconcileWhileAVolumeSettlesDoesNotReadThatVolumeAgain() throws InterruptedException {
        MockApiServer mock = new MockApiServer(client, server, meters);
        retainedOrdersWithABoundDataClaim("pg-settle", "pv-settle");
        awaitRetain("pv-settle");
        Instant retained = Instant.now();
        mock.drainRequests();
        double before = mock.reconciliations(PostgresReconciler.NAME);

        // An event of the Postgres' own: a label on its data claim brings a reconcile within the settling time.
        client.persistentVolumeClaims()
                .inNamespace("pg-settle")
                .withName("data-orders-0")
                .edit(claim -> {
                    claim.getMetadata().getLabels().put("poked", "yes");
                    return claim;
                });
        await().atMost(TIMEOUT).until(() -> mock.reconciliations(PostgresReconciler.NAME) > before);

        assertThat(Duration.between(retained, Instant.now()))
                .as("time until the Postgres reconciled, which must fall within the volume's settling time")
                .isLessThan(Retention.SETTLING);
        assertThat(mock.drainRequests())
                .filteredOn(request -> "GET".equals(request.getMethod()))
                .extracting(RecordedRequest::getPath)
                .as("reads during the settling time")
                .noneMatch(path -> path.contains("/persistentvolumes/pv-settle"));
    }

    /** Waits, polling closely, until the operator has set the volume's reclaim policy to Retain. */
    private void awaitRetain(String volume) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> "Retain"
                        .equals(client.persistentVolumes()
                                .withName(volume)
                                .get()
                                .getSpec()
                                .getPersistentVolumeReclaimPolicy()));
    }

    /**
     * A Retain Postgres "orders" whose data claim is bound to a volume of reclaim policy Delete: the mock server runs
     * no StatefulSet controller, so the test makes the claim the StatefulSet's template would, bound.
     */
    private void retainedOrdersWithABoundDataClaim(String namespace, String volume) {
        client.persistentVolumes()
                .resource(new PersistentVolumeBuilder()
                        .withNewMetadata()
                        .withName(volume)
                        .endMetadata()
                        .withNewSpec()
                        .withPersistentVolumeReclaimPolicy("Delete")
                        .addToCapacity("storage", new io.fabric8.kubernetes.api.model.Quantity("5Gi"))
                        .endSpec()
                        .build())
                .create();
        create(namespace, spec(DeletionPolicy.Retain, null));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .statefulSets()
                                .inNamespace(namespace)
                                .withName("orders")
                                .get()
                        != null);
        var template = client.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName("orders")
                .get()
                .getSpec()
                .getVolumeClaimTemplates()
                .get(0);
        client.persistentVolumeClaims()
                .inNamespace(namespace)
                .resource(new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("data-orders-0")
                        .withNamespace(namespace)
                        .withLabels(template.getMetadata().getLabels())
                        .endMetadata()
                        .withSpec(template.getSpec())
                        .editSpec()
                        .withVolumeName(volume)
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Bound")
                        .endStatus()
                        .build())
                .create();
    }

    private List<HasMetadata> kept(String namespace) {
        List<HasMetadata> kept = new java.util.ArrayList<>();
        CREDENTIALS.forEach(name -> kept.add(secret(namespace, name)));
        kept.add(claim(namespace, "orders-backups"));
        return kept;
    }

    /** The mock server keeps stringData as written; a real one turns it into data. */
    private static String password(Secret secret) {
        if (secret.getData() != null && secret.getData().get("password") != null) {
            return secret.getData().get("password");
        }
        return secret.getStringData().get("password");
    }

    private static PostgresSpec spec(DeletionPolicy policy, BackupSpec backup) {
        return new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("5Gi"),
                List.of(new DatabaseSpec("shop", List.of())),
                List.of(new RoleSpec("checkout", "shop", Access.ReadWrite)),
                null,
                null,
                backup,
                policy,
                null,
                null,
                null);
    }

    private void create(String namespace, PostgresSpec spec) {
        Postgres pg = new Postgres();
        pg.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace(namespace)
                .build());
        pg.setSpec(spec);
        client.resource(pg).create();
    }

    private Postgres get(String namespace) {
        return client.resources(Postgres.class)
                .inNamespace(namespace)
                .withName("orders")
                .get();
    }

    private Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    private io.fabric8.kubernetes.api.model.PersistentVolumeClaim claim(String namespace, String name) {
        return client.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(name)
                .get();
    }
}
