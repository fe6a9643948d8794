package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.operator.objectstore.S3Server;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tools of continuous archiving, without the operator, on the data plane's node against a real S3 server (moto)
 * on loopback: PostgreSQL 15 of {@code ghcr.io/atonix/postgres-barman:15} archives its WAL with barman-cloud-wal-archive
 * as archive_command, barman-cloud-backup takes a base backup from a second pod that mounts the server's claim
 * (it reads PGDATA itself and talks to the server over libpq), and a new server recovers from both to a point in time:
 * its init container runs barman-cloud-restore and writes the recovery settings, and its restore_command is
 * barman-cloud-wal-restore. The pods are what {@link ArchivingPods} says.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class ArchivingToolsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String BUCKET = "archive";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static S3Server s3;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-archive");
        namespace = namespaces.plain("archive");
        DataPlane.admit(admin, namespace);
        s3 = S3Server.start(RealCluster.plane().work().resolve("moto.log"));
        s3.createBucket(BUCKET);
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(ArchivingPods.CREDENTIALS)
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToStringData("ACCESS_KEY_ID", "archivist")
                        .addToStringData("ACCESS_SECRET_KEY", "moto-takes-any-key")
                        .build())
                .create();
    }

    @AfterAll
    static void stop() {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void aNewServerRecoversFromTheBaseBackupAndTheArchivedWalToATimeBetweenTwoSetsOfRows() throws Exception {
        ArchivingPods pods = new ArchivingPods(s3.endpoint(), "s3://" + BUCKET + "/primary", "primary");
        claim("primary-data");
        claim("recovered-data");
        String archiveCommand = pods.barman("wal-archive", "") + " %p";
        run(
                "primary",
                pods.server(
                        "primary-data", settings("archive_mode=on", "archive_command=" + archiveCommand), List.of()));
        SqlSession primary = new SqlSession(ready("primary"), ArchivingPods.PASSWORD);
        primary.execute("CREATE TABLE orders (id int PRIMARY KEY)");
        primary.insert(1, 10);

        String backup = pods.barman("backup", "--immediate-checkpoint -h " + primary.host() + " -U postgres -n base");
        run("base-backup", pods.once("primary-data", true, backup));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(phase("base-backup"))
                        .as(() -> log("base-backup", "run"))
                        .isEqualTo("Succeeded"));
        primary.insert(11, 20);
        String target = primary.value("SELECT clock_timestamp()::text");
        Thread.sleep(1000);
        primary.insert(21, 30);
        String lastSegment = primary.value("SELECT pg_walfile_name(pg_current_wal_lsn())");
        primary.execute("SELECT pg_switch_wal()");

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(s3.keys(BUCKET, "primary/primary/"))
                        .as(() -> log("primary", "postgres"))
                        .contains("primary/primary/wals/0000000100000000/" + lastSegment)
                        .anyMatch(key -> key.matches("primary/primary/base/\\d{8}T\\d{6}/data\\.tar")));

        String restore = String.join(
                "\n",
                "set -e",
                pods.barman("restore", "") + " base \"$PGDATA\"",
                "cat >> \"$PGDATA/postgresql.auto.conf\" <<EOF",
                "restore_command = '" + pods.barman("wal-restore", "") + " %f %p'",
                "recovery_target_time = '" + target + "'",
                "recovery_target_action = 'promote'",
                "EOF",
                "touch \"$PGDATA/recovery.signal\"");
        run("recovered", pods.server("recovered-data", settings(), List.of(pods.command("restore", restore))));
        SqlSession recovered = new SqlSession(ready("recovered"), ArchivingPods.PASSWORD);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(recovered.value("SELECT pg_is_in_recovery()::text"))
                        .as(() -> log("recovered", "postgres"))
                        .isEqualTo("false"));

        assertThat(recovered.ids())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(recovered.value("SELECT substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)"))
                .as("the recovered server's timeline")
                .isEqualTo("00000002");
        assertThat(primary.ids()).hasSize(30);
    }

    private static List<String> settings(String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("-c", "wal_level=replica"));
        for (String setting : settings) {
            args.addAll(List.of("-c", setting));
        }
        return args;
    }

    private static void claim(String name) {
        admin.resource(new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .withAccessModes("ReadWriteOnce")
                        .withNewResources()
                        .addToRequests("storage", new Quantity("1Gi"))
                        .endResources()
                        .endSpec()
                        .build())
                .create();
    }

    private static void run(String name, PodSpec spec) {
        admin.resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withSpec(spec)
                        .build())
                .create();
    }

    /** The pod's address once it is Ready. */
    private static String ready(String name) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(pod(name).getStatus().getConditions())
                        .as(() -> log(name, "postgres"))
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
        return pod(name).getStatus().getPodIP();
    }

    private static String phase(String name) {
        return pod(name).getStatus().getPhase();
    }

    private static Pod pod(String name) {
        return admin.pods().inNamespace(namespace).withName(name).get();
    }

    /** What the container printed, for a failure's message (the agent keeps it in the pod's directory). */
    private static String log(String pod, String container) {
        Path pods = RealCluster.plane().work().resolve("data-plane/pods");
        try (var dirs = Files.list(pods)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(namespace + "_" + pod + "_"))
                    .map(d -> d.resolve("containers").resolve(container).resolve("output.log"))
                    .filter(Files::exists)
                    .map(f -> f + ":\n" + tail(f))
                    .findFirst()
                    .orElse("no output of " + pod + "/" + container + " under " + pods);
        } catch (java.io.IOException e) {
            return "no output: " + e;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
