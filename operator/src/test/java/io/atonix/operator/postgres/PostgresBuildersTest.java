package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.SecretChecksum;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every field of a Postgres spec reaches the object it belongs in. */
class PostgresBuildersTest {

    static Postgres postgres(PostgresSpec spec) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop-postgres")
                .withNamespace("shop")
                .withUid("uid-pg")
                .addToLabels(Labels.PART_OF, "shop")
                .build());
        postgres.setSpec(spec);
        return postgres;
    }

    static PostgresSpec spec(String version, String storage, DeletionPolicy policy, Map<String, String> parameters) {
        return new PostgresSpec(
                version,
                1,
                new VolumeSpec(new Quantity(storage), "fast"),
                List.of(new DatabaseSpec("shop", List.of("pgcrypto"))),
                null,
                parameters,
                new ComputeResources(new ResourceAmounts(new Quantity("0.5"), new Quantity("2Gi")), null),
                null,
                policy,
                null,
                null,
                null);
    }

    @Test
    void statefulSetRunsTheRequestedVersionOnARetainedVolume() {
        StatefulSet sts =
                PostgresStatefulSets.desired(postgres(spec("16.4", "10240Mi", null, Map.of())), Optional.empty());
        assertThat(sts.getMetadata().getName()).isEqualTo("shop-postgres");
        assertThat(sts.getMetadata().getLabels())
                .containsEntry(Labels.PART_OF, "shop")
                .containsEntry(Labels.POSTGRES, "shop-postgres");
        assertThat(sts.getSpec().getServiceName()).isEqualTo("shop-postgres-headless");
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("10Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
        Container postgres =
                sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(postgres.getImage()).isEqualTo("postgres:16.4");
        assertThat(postgres.getArgs()).containsExactly("-c", "config_file=/etc/postgresql/postgresql.conf");
        assertThat(postgres.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("POSTGRES_PASSWORD");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-postgres-superuser");
        });
        assertThat(postgres.getReadinessProbe().getExec().getCommand()).startsWith("pg_isready");
        assertThat(postgres.getResources().getRequests())
                .containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("2Gi"));
        assertThat(postgres.getResources().getLimits()).containsEntry("memory", new Quantity("2Gi"));
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(1).getImage())
                .isEqualTo(PostgresStatefulSets.EXPORTER_IMAGE);
    }

    @Test
    void deletePolicyRemovesTheVolumeWithTheResource() {
        StatefulSet sts = PostgresStatefulSets.desired(
                postgres(spec("16", "1Gi", DeletionPolicy.Delete, Map.of())), Optional.empty());
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Delete");
    }

    @Test
    void onlyThePostgresContainersReadinessDecidesWhetherThePodServesTheExporterIsOnlyRestarted() {
        var containers = PostgresStatefulSets.desired(postgres(spec("16", "1Gi", null, Map.of())), Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers();
        assertThat(containers)
                .filteredOn(c -> c.getReadinessProbe() != null)
                .extracting(c -> c.getName())
                .containsExactly("postgres");
        assertThat(containers)
                .filteredOn(c -> c.getName().equals("exporter"))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/"));
    }

    @Test
    void podsRunAsThePostgresUserUnderTheRestrictedProfile() {
        var pod = PostgresStatefulSets.desired(postgres(spec("16", "1Gi", null, Map.of())), Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getContainers()).allSatisfy(c -> {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        });
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
    }

    @Test
    void parametersReachTheConfigAndAChangeRollsThePod() {
        Postgres tuned = postgres(spec("16", "1Gi", null, Map.of("max_connections", "300", "work_mem", "8MB")));
        String file = PostgresConfig.file(tuned);
        assertThat(file)
                .contains("max_connections = '300'")
                .contains("work_mem = '8MB'")
                .contains("listen_addresses = '*'")
                .contains("data_directory = '/var/lib/postgresql/data/pgdata'");
        String before = PostgresStatefulSets.desired(postgres(spec("16", "1Gi", null, Map.of())), Optional.empty())
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(PostgresStatefulSets.CONFIG_HASH);
        String after = PostgresStatefulSets.desired(tuned, Optional.empty())
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(PostgresStatefulSets.CONFIG_HASH);
        assertThat(after).isNotEqualTo(before).isEqualTo(DesiredHash.get(PostgresConfig.desired(tuned)));
    }

    @Test
    void parameterValuesAreWrittenAsQuotedLiterals() {
        assertThat(PostgresConfig.literal("it's a \\ test")).isEqualTo("'it''s a \\\\ test'");
    }

    @Test
    void backupsDumpEveryDatabaseAndKeepTheNewest() {
        Postgres pg = postgres(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null), new DatabaseSpec("audit", null)),
                null,
                null,
                null,
                BackupSpec.toVolume(
                        "*/30 * * * *",
                        4,
                        new VolumeSpec(new io.fabric8.kubernetes.api.model.Quantity("10Gi"), "slow")),
                DeletionPolicy.Delete,
                null,
                null,
                null));
        var job = PostgresBackups.cronJob(pg).orElseThrow();
        assertThat(job.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        var pod = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
        var container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("postgres:16");
        assertThat(container.getCommand().get(2))
                .contains("for db in shop audit; do")
                .contains("pg_dump --format=custom")
                .contains("tail -n +5");
        assertThat(container.getEnv())
                .filteredOn(e -> e.getName().equals("PGPASSWORD"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-postgres-superuser"));
        var claim = PostgresBackups.claim(pg).orElseThrow();
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("10Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("slow");
        assertThat(claim.getMetadata().getOwnerReferences())
                .as("Delete: owned, removed with the Postgres")
                .hasSize(1);
        assertThat(PostgresBackups.cronJob(postgres(spec("16", "1Gi", null, Map.of()))))
                .isEmpty();
        var podLabels = job.getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        for (var service : List.of(PostgresServices.primary(pg), PostgresServices.headless(pg))) {
            assertThat(podLabels
                            .entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .as("a running backup is never an endpoint of "
                            + service.getMetadata().getName())
                    .isFalse();
        }
    }

    @Test
    void servicesSelectTheServerPods() {
        Postgres pg = postgres(spec("16", "1Gi", null, Map.of()));
        var primary = PostgresServices.primary(pg);
        assertThat(primary.getMetadata().getName()).isEqualTo("shop-postgres");
        assertThat(primary.getSpec().getSelector()).containsEntry(Labels.POSTGRES, "shop-postgres");
        assertThat(primary.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("postgres:5432", "metrics:9187");
        var headless = PostgresServices.headless(pg);
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getMetadata().getName()).isEqualTo("shop-postgres-headless");
    }

    @Test
    void credentialsComeFromTheCallerAndAreNeverStamped() {
        Postgres pg = postgres(spec("16", "1Gi", null, Map.of()));
        var superuser = PostgresSecrets.superuser(pg, () -> "s3cret");
        assertThat(superuser.getMetadata().getName()).isEqualTo("shop-postgres-superuser");
        assertThat(superuser.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(superuser.getStringData())
                .containsEntry("username", "postgres")
                .containsEntry("password", "s3cret");
        assertThat(DesiredHash.get(superuser)).isNull();
        assertThat(PostgresSecrets.monitoring(pg, () -> "m").getStringData())
                .containsEntry("username", "atonix_monitor");
    }

    @Test
    void theMonitoringSecretsChecksumRollsThePodWhenItIsRotated() {
        Postgres postgres = postgres(spec("16", "1Gi", null, Map.of()));
        var secrets = PostgresSecrets.all(postgres, () -> "first");
        var rotated = PostgresSecrets.all(postgres, () -> "second");
        String before = PostgresStatefulSets.desired(
                        postgres, PostgresStatefulSets.credentialsChecksum(postgres, secrets))
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(SecretChecksum.ANNOTATION);
        String after = PostgresStatefulSets.desired(
                        postgres, PostgresStatefulSets.credentialsChecksum(postgres, rotated))
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(SecretChecksum.ANNOTATION);
        assertThat(before).isNotNull().isNotEqualTo(after);
        assertThat(PostgresStatefulSets.credentialsChecksum(postgres, Map.of())).isEmpty();
    }

    @Test
    void dataClaimsSmallerThanTheSpecAreAskedForTheNewSizeAndOthersAreLeftAlone() {
        Postgres postgres = postgres(spec("16", "20Gi", null, Map.of()));
        var small = claim("data-" + postgres.getMetadata().getName() + "-0", "10Gi", "10Gi");
        var big = claim("data-" + postgres.getMetadata().getName() + "-1", "20Gi", "20Gi");
        var backups = claim(postgres.getMetadata().getName() + "-backups", "1Gi", "1Gi");
        var otherPostgres = claim("data-" + postgres.getMetadata().getName() + "-x-0", "1Gi", "1Gi");

        var grow = PostgresVolumes.toGrow(postgres, List.of(small, big, backups, otherPostgres));

        assertThat(grow).singleElement().satisfies(c -> {
            assertThat(c.getMetadata().getName()).isEqualTo(small.getMetadata().getName());
            assertThat(c.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("20Gi"));
        });
        var asked = claim(small.getMetadata().getName(), "20Gi", "10Gi");
        assertThat(PostgresVolumes.toGrow(postgres, List.of(asked))).isEmpty();
        assertThat(PostgresVolumes.growing(postgres, List.of(asked, big)))
                .containsExactly(small.getMetadata().getName());
    }

    @Test
    void aGrowingVolumeIsProgressAndARefusedOneIsDegraded() {
        Postgres postgres = postgres(spec("16", "20Gi", null, Map.of()));
        var sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder()
                .withNewMetadata()
                .withGeneration(1L)
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReadyReplicas(1)
                .withCurrentRevision("a")
                .withUpdateRevision("a")
                .endStatus()
                .build();
        var growing = PostgresStatusBuilder.observed(
                postgres,
                sts,
                "",
                new PostgresStatusBuilder.Volumes(List.of("data-pg-0"), null),
                java.time.Instant.EPOCH);
        assertThat(growing.conditions())
                .extracting(c -> c.type() + "=" + c.status() + "/" + c.reason())
                .containsExactly(
                        "Ready=True/Ready",
                        "Progressing=True/ExpandingVolume",
                        "Degraded=False/Ready",
                        "Reconciling=True/ExpandingVolume",
                        "Stalled=False/Ready");
        assertThat(growing.conditions().get(1).message()).isEqualTo("Growing data-pg-0 to 20Gi");

        var refused = PostgresStatusBuilder.observed(
                postgres,
                sts,
                "",
                new PostgresStatusBuilder.Volumes(List.of(), "storageclass does not allow volume expansion"),
                java.time.Instant.EPOCH);
        assertThat(refused.conditions().get(2).status()).isEqualTo("True");
        assertThat(refused.conditions().get(2).reason())
                .isEqualTo(PostgresStatusBuilder.REASON_VOLUME_EXPANSION_FAILED);
        assertThat(refused.conditions().get(2).message())
                .contains("could not grow to 20Gi", "does not allow volume expansion");
    }

    private static io.fabric8.kubernetes.api.model.PersistentVolumeClaim claim(
            String name, String request, String capacity) {
        return new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNewResources()
                .addToRequests("storage", new Quantity(request))
                .endResources()
                .endSpec()
                .withNewStatus()
                .addToCapacity("storage", new Quantity(capacity))
                .endStatus()
                .build();
    }
}
