package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.atonix.api.v1alpha1.postgres.DatabaseSpec;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.api.v1alpha1.postgres.PostgresSpec;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Postgres on a real control plane: its StatefulSet passes the restricted Pod Security profile and runs on a kwok
 * node with a bound volume claim, and the deletion policy decides whether the claim outlives the resource (through
 * the StatefulSet controller's own retention policy). No real PostgreSQL runs on kwok nodes, so provisioning is
 * proven against a real server elsewhere (PostgresProvisionerTest).
 */
@ExtendWith(RealCluster.class)
class PostgresOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String NAMESPACE = "databases";
    private static KubernetesClient admin;
    private static OperatorProcess operator;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).create();
        await().atMost(TIMEOUT).until(() -> admin.serviceAccounts().inNamespace(NAMESPACE).withName("default").get() != null);
        operator = OperatorProcess.start(RealCluster.plane(), "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void retainKeepsTheVolumeClaimAfterTheResourceIsDeleted() {
        assertThat(runAndDelete("keep", DeletionPolicy.Retain)).as("claim after deletion").isTrue();
    }

    @Test
    void deleteRemovesTheVolumeClaimWithTheResource() {
        assertThat(runAndDelete("drop", DeletionPolicy.Delete)).as("claim after deletion").isFalse();
    }

    /** Whether the data claim still exists once the Postgres and its StatefulSet are gone. */
    private static boolean runAndDelete(String name, DeletionPolicy policy) {
        Postgres pg = new Postgres();
        pg.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        pg.setSpec(new PostgresSpec("16", 1, new Quantity("1Gi"), null, List.of(new DatabaseSpec("app", List.of())), List.of(), Map.of(), null, null,
                policy));
        admin.resource(pg).create();
        String claim = "data-" + name + "-0";
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var sts = admin.apps().statefulSets().inNamespace(NAMESPACE).withName(name).get();
            assertThat(sts).isNotNull();
            assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(1);
            assertThat(admin.persistentVolumeClaims().inNamespace(NAMESPACE).withName(claim).get().getStatus().getPhase()).isEqualTo("Bound");
        });
        admin.resources(Postgres.class).inNamespace(NAMESPACE).withName(name).delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps().statefulSets().inNamespace(NAMESPACE).withName(name).get()).isNull();
            assertThat(admin.pods().inNamespace(NAMESPACE).withName(name + "-0").get()).isNull();
            assertThat(admin.secrets().inNamespace(NAMESPACE).withName(name + "-superuser").get()).isNull();
        });
        if (policy == DeletionPolicy.Delete) {
            await().atMost(TIMEOUT).until(() -> admin.persistentVolumeClaims().inNamespace(NAMESPACE).withName(claim).get() == null);
        } else {
            // Give the StatefulSet controller time to act on the claim, should it be going to.
            await().pollDelay(Duration.ofSeconds(5)).atMost(TIMEOUT).until(() -> true);
        }
        return admin.persistentVolumeClaims().inNamespace(NAMESPACE).withName(claim).get() != null;
    }
}
