package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Updates;
import io.atonix.operator.jobs.JobLabels;
import io.atonix.operator.jobs.MigrationStatus;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations against the fabric8 mock API server. The mock runs no Job or Deployment controller, so the tests play
 * them: they write a Job's Complete or Failed condition and a Deployment's availability.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class MigrationReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JobSpec MIGRATE = TestJobs.migration("migrate", "acme/api:1", List.of(), "api");

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    MockApiServer mock;

    @BeforeEach
    void harness() {
        mock = new MockApiServer(client, server, meters);
    }

    private static AppStack stack(String namespace, String image) {
        ServiceSpec api = service("api", image, 8080);
        return TestStacks.stack(
                namespace,
                "shop",
                new AppStackSpec(
                        List.of(api),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(MIGRATE),
                        null));
    }

    @Test
    void aServiceStartsAfterItsFirstMigrationAndKeepsItsVersionUntilTheNextOneSucceeded() {
        create(stack("migrate-hold", "acme/api:1"));
        Job first = awaitMigration("migrate-hold", null);
        assertThat(deployment("migrate-hold"))
                .as("the service waits for the first migration")
                .isNull();
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(migration(get("migrate-hold")).reason()).isEqualTo(MigrationStatus.REASON_RUNNING));

        finish(first, "Complete");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(image("migrate-hold")).isEqualTo("acme/api:1"));
        mock.markAvailable("migrate-hold", "shop-api");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(condition(get("migrate-hold"), ConditionTypes.READY)
                                .status())
                        .isEqualTo("True"));

        update(stack("migrate-hold", "acme/api:2"));
        Job second = awaitMigration("migrate-hold", first.getMetadata().getName());
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(jobs("migrate-hold"))
                        .as("only the current version's Job is kept")
                        .containsExactly(second.getMetadata().getName()));
        assertThat(image("migrate-hold"))
                .as("the Deployment keeps the old version while the migration runs")
                .isEqualTo("acme/api:1");

        finish(second, "Complete");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(image("migrate-hold")).isEqualTo("acme/api:2"));
    }

    @Test
    void aFailedMigrationStopsTheRolloutKeepsTheOldVersionAndTheStackSaysSo() {
        create(stack("migrate-fail", "acme/api:1"));
        finish(awaitMigration("migrate-fail", null), "Complete");
        await().atMost(TIMEOUT).until(() -> deployment("migrate-fail") != null);
        mock.markAvailable("migrate-fail", "shop-api");
        Job first = client.batch()
                .v1()
                .jobs()
                .inNamespace("migrate-fail")
                .list()
                .getItems()
                .get(0);

        update(stack("migrate-fail", "acme/api:2"));
        Job second = awaitMigration("migrate-fail", first.getMetadata().getName());
        finish(second, "Failed");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("migrate-fail");
            assertThat(migration(stack).reason()).isEqualTo(MigrationStatus.REASON_FAILED);
            assertThat(migration(stack).message())
                    .contains(second.getMetadata().getName())
                    .contains("BackoffLimitExceeded")
                    .contains("keep their previous version");
            Condition ready = condition(stack, ConditionTypes.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo(MigrationStatus.REASON_FAILED);
            assertThat(condition(stack, ConditionTypes.DEGRADED).status()).isEqualTo("True");
            assertThat(condition(stack, ConditionTypes.PROGRESSING).status()).isEqualTo("False");
            assertThat(mock.events("migrate-fail")).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo(MigrationStatus.REASON_FAILED);
            });
        });
        assertThat(image("migrate-fail")).as("the old version keeps serving").isEqualTo("acme/api:1");
    }

    @Test
    void aSettledStackWithAMigrationAndAScheduledJobMakesNoWritesWhenReconciledAgain() throws InterruptedException {
        JobSpec nightly = TestJobs.scheduled("nightly", "acme/api:1", "0 3 * * *", List.of());
        AppStack stack = TestStacks.stack(
                "jobs-steady",
                "shop",
                new AppStackSpec(
                        List.of(service("api", "acme/api:1", 8080)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(MIGRATE, nightly),
                        null));
        create(stack);
        finish(awaitMigration("jobs-steady", null), "Complete");
        await().atMost(TIMEOUT).until(() -> deployment("jobs-steady") != null);
        assertThat(client.batch()
                        .v1()
                        .cronjobs()
                        .inNamespace("jobs-steady")
                        .withName("shop-nightly")
                        .get())
                .isNotNull();
        mock.markAvailable("jobs-steady", "shop-api");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(condition(get("jobs-steady"), ConditionTypes.READY)
                                .status())
                        .isEqualTo("True"));

        mock.awaitNoWrites();
        double before = mock.reconciliations();
        mock.markProgressed("jobs-steady", "shop-api");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new java.util.ArrayList<>();
        for (var request : mock.drainRequests()) {
            if (!"GET".equals(request.getMethod()) && !request.getPath().contains("/deployments/shop-api/status")) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged stack")
                .isEmpty();
    }

    /** Waits for the migration's Job other than {@code previous}, the one of the current version. */
    private Job awaitMigration(String namespace, String previous) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                                .filter(j -> "migrate"
                                        .equals(j.getMetadata().getLabels().get(JobLabels.MIGRATION)))
                                .filter(j -> !j.getMetadata().getName().equals(previous))
                                .findFirst()
                                .orElse(null),
                        j -> j != null);
    }

    /** Plays the Job controller: the Job ends with this condition. */
    private void finish(Job job, String type) {
        Job current = client.batch()
                .v1()
                .jobs()
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .get();
        current.setStatus(new JobStatusBuilder()
                .withConditions(new JobConditionBuilder()
                        .withType(type)
                        .withStatus("True")
                        .withReason("Failed".equals(type) ? "BackoffLimitExceeded" : null)
                        .withMessage("Failed".equals(type) ? "Job has reached the specified backoff limit" : null)
                        .withLastTransitionTime(Instant.now().toString())
                        .build())
                .withSucceeded("Complete".equals(type) ? 1 : null)
                .withFailed("Failed".equals(type) ? 3 : null)
                .build());
        client.resource(current).updateStatus();
    }

    private List<String> jobs(String namespace) {
        return client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                .map(j -> j.getMetadata().getName())
                .toList();
    }

    private Deployment deployment(String namespace) {
        return client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("shop-api")
                .get();
    }

    private String image(String namespace) {
        Deployment d = deployment(namespace);
        return d == null
                ? null
                : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static io.atonix.api.v1beta1.appstack.ComponentStatus migration(AppStack stack) {
        assertThat(stack.getStatus()).isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> MigrationStatus.COMPONENT.equals(c.component()))
                .findFirst()
                .orElseThrow();
    }

    private void create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();
    }

    /** A new spec, written again when the operator's status write came first (409). */
    private void update(AppStack stack) {
        Updates.change(
                client, AppStack.class, stack.getMetadata().getNamespace(), "shop", s -> s.setSpec(stack.getSpec()));
    }

    private AppStack get(String namespace) {
        return client.resources(AppStack.class)
                .inNamespace(namespace)
                .withName("shop")
                .get();
    }

    private static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus()).isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
