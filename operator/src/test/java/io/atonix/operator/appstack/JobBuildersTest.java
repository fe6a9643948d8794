package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.jobs.JobLabels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders of a stack's jobs: what a migration's Job and a scheduled job's CronJob hold, and what they share with services. */
class JobBuildersTest {
    private static final ServiceSpec API = TestStacks.withUses(
            TestStacks.withReplicas(service("api", "acme/api:1", 8080), 2), TestUses.postgres("db", "shop"));
    private static final JobSpec MIGRATE =
            TestJobs.migration("migrate", "acme/api:1", List.of(TestUses.postgres("db", "shop")), "api");
    private static final JobSpec NIGHTLY =
            TestJobs.scheduled("nightly", "acme/api:1", "0 3 * * *", List.of(TestUses.postgres("db", "shop")));

    private static AppStack shop(ServiceSpec api, JobSpec... jobs) {
        return TestJobs.stack("shop", "shop", List.of(api), jobs);
    }

    private static Job migrationJob(AppStack stack) {
        return Migrations.desired(stack).values().iterator().next();
    }

    @Test
    void aMigrationJobIsNamedByItsVersionAndRunsOncePerNewTemplateOfItsServices() {
        Job job = migrationJob(shop(API, MIGRATE));
        assertThat(job.getMetadata().getName()).matches("shop-migrate-[0-9a-f]{8}");
        assertThat(job.getMetadata().getLabels())
                .containsEntry(JobLabels.MIGRATION, "migrate")
                .containsEntry(Labels.STACK, "shop");
        assertThat(job.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));

        String name = job.getMetadata().getName();
        assertThat(migrationJob(shop(TestStacks.withImage(API, "acme/api:2"), MIGRATE))
                        .getMetadata()
                        .getName())
                .as("a new image of the service is a new version")
                .isNotEqualTo(name);
        assertThat(migrationJob(shop(TestStacks.withReplicas(API, 5), MIGRATE))
                        .getMetadata()
                        .getName())
                .as("a new replica count is not")
                .isEqualTo(name);
        assertThat(migrationJob(shop(TestStacks.withRoutes(API, TestStacks.route("shop.example.com", "/")), MIGRATE))
                        .getMetadata()
                        .getName())
                .as("nor are new routes")
                .isEqualTo(name);
        assertThat(migrationJob(shop(
                                TestStacks.withEnv(
                                        API, List.of(new io.atonix.api.v1beta1.common.EnvVar("A", "b", null))),
                                MIGRATE))
                        .getMetadata()
                        .getName())
                .as("a new environment of the service is a new version")
                .isNotEqualTo(name);
        JobSpec newCommand = TestJobs.migration("migrate", "acme/api:2", MIGRATE.uses(), "api");
        assertThat(migrationJob(shop(API, newCommand)).getMetadata().getName())
                .as("a new image of the job is a new version")
                .isNotEqualTo(name);
    }

    @Test
    void aJobsPodIsRestrictedRunsOnceAndReadsItsOwnBindingSecret() {
        for (PodSpec pod : List.of(
                migrationJob(shop(API, MIGRATE)).getSpec().getTemplate().getSpec(),
                cronJob(shop(API, NIGHTLY))
                        .getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getSpec())) {
            assertThat(pod.getSecurityContext()).isEqualTo(PodSecurity.restrictedPod());
            assertThat(pod.getContainers().get(0).getSecurityContext()).isEqualTo(PodSecurity.restrictedContainer());
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getServiceAccountName()).isNull();
            assertThat(pod.getContainers().get(0).getReadinessProbe()).isNull();
            assertThat(pod.getContainers().get(0).getEnv())
                    .filteredOn(e -> e.getName().equals("PGPASSWORD"))
                    .singleElement()
                    .extracting(EnvVar::getValueFrom)
                    .satisfies(from -> assertThat(from.getSecretKeyRef().getName())
                            .as("the job's own login, like a service's")
                            .matches("shop-postgres-(migrate|nightly)-db-login"));
        }
    }

    @Test
    void aJobsPodsCarryTheLabelsTheStacksNetworkPolicySelects() {
        Job job = migrationJob(shop(API, MIGRATE));
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(Labels.serviceSelector("shop", "migrate"))
                .containsEntry(Labels.PART_OF, "shop");
        var policies = NetworkPolicies.desired(shop(API, MIGRATE, NIGHTLY), NetworkSettings.defaults());
        assertThat(policies).containsKeys("shop-migrate", "shop-nightly");
        assertThat(policies.get("shop-migrate").getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Labels.serviceSelector("shop", "migrate"));
        assertThat(policies.get("shop-postgres")
                        .getSpec()
                        .getIngress()
                        .get(0)
                        .getFrom()
                        .get(0)
                        .getPodSelector()
                        .getMatchExpressions()
                        .get(0)
                        .getValues())
                .as("PostgreSQL admits the jobs that use it")
                .contains("migrate", "nightly");
    }

    @Test
    void eachJobGetsALoginRoleOfItsOwnForEachUse() {
        assertThat(ChildPostgres.roles(shop(API, MIGRATE, NIGHTLY)))
                .extracting(RoleSpec::name)
                .containsExactly("api-db", "migrate-db", "nightly-db");
    }

    @Test
    void aMigrationsOwnerUseGivesItsLoginOwnerAccessAndLeavesTheServicesAsTheyAre() {
        JobSpec owner = TestJobs.migration(
                "migrate", "acme/api:1", List.of(TestUses.postgres("db", "shop", Access.Owner)), "api");

        assertThat(ChildPostgres.roles(shop(API, owner)))
                .extracting(RoleSpec::name, RoleSpec::accessOrDefault)
                .containsExactly(tuple("api-db", Access.ReadWrite), tuple("migrate-db", Access.Owner));
    }

    private static CronJob cronJob(AppStack stack) {
        return ScheduledJobObjects.desired(stack).values().iterator().next();
    }

    @Test
    void aScheduledJobIsACronJobThatNeverRunsTwiceAtOnceAndKeepsFewRuns() {
        CronJob cronJob = cronJob(shop(API, NIGHTLY));
        assertThat(cronJob.getMetadata().getName()).isEqualTo("shop-nightly");
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(1);
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit())
                .isEqualTo(JobSpec.DEFAULT_BACKOFF_LIMIT);
        assertThat(cronJob.getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsExactly("nightly");
        assertThat(Migrations.desired(shop(API, NIGHTLY)))
                .as("a scheduled job is no migration")
                .isEmpty();
    }

    @Test
    void eachJobHasAnAlertWhenItFails() {
        var rules = StackAlerts.rules(shop(API, MIGRATE, NIGHTLY));
        assertThat(rules)
                .filteredOn(r -> r.alert().equals("AtonixMigrationFailed"))
                .singleElement()
                .satisfies(r -> assertThat(r.expr()).contains("kube_job_failed").contains("shop-migrate-[0-9a-f]{8}"));
        assertThat(rules)
                .filteredOn(r -> r.alert().equals("AtonixScheduledJobFailed"))
                .singleElement()
                .satisfies(r -> assertThat(r.expr())
                        .contains("cronjob=\"shop-nightly\"")
                        .contains("kube_cronjob_status_last_successful_time"));
    }

    @Test
    void aJobsVariableFromASecretThatDoesNotExistIsReportedLikeAServices() {
        var token = new io.atonix.api.v1beta1.common.EnvVar(
                "TOKEN",
                null,
                new io.atonix.api.v1beta1.common.EnvVarSource(
                        new io.atonix.api.v1beta1.common.KeyReference("reports", "token", null), null, null));
        JobSpec job = new JobSpec(
                "nightly", "acme/api:1", null, null, null, List.of(token), null, null, null, "0 3 * * *", null, null);
        assertThat(ClusterChecks.missingReferences(shop(API, job), (kind, name) -> null))
                .extracting(io.atonix.operator.common.SpecProblem::toString)
                .singleElement()
                .asString()
                .contains("spec.jobs[0].env[0].valueFrom.secretKeyRef")
                .contains("reports");
    }

    @Test
    void renderShowsTheMigrationJobAndTheCronJob() {
        var objects = AppStackResources.desired(
                shop(API, MIGRATE, NIGHTLY),
                io.atonix.operator.common.PlatformSettings.defaults(),
                BindingChecksums.placeholder());
        assertThat(objects).filteredOn(o -> o instanceof Job).hasSize(1);
        assertThat(objects).filteredOn(o -> o instanceof CronJob).hasSize(1);
    }
}
