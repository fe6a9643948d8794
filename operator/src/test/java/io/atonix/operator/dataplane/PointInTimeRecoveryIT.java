package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Names;
import io.atonix.operator.objectstore.S3Server;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Point-in-time recovery through the packaged operator, on the data plane against a real S3 server (moto): a Postgres
 * archiving to the object store (spec.backup.objectStore) gets rows, a base backup from its CronJob, more rows and a
 * destructive DELETE; a new Postgres recovered from its archive to a time before the DELETE (spec.bootstrap.recovery)
 * has every row, while the original keeps running without them.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class PointInTimeRecoveryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String SOURCE = "ledger";
    private static final String RECOVERED = "ledger-restored";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;
    private static S3Server s3;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-pitr");
        namespace = namespaces.restricted("books");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        s3 = S3Server.start(RealCluster.plane().work().resolve("moto-pitr.log"));
        s3.createBucket("archive");
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("s3")
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToStringData(Map.of("AWS_ACCESS_KEY_ID", "tester", "AWS_SECRET_ACCESS_KEY", "secret"))
                        .build())
                .create();
        operator = OperatorProcess.start(RealCluster.plane(), "dp-pitr");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (s3 != null) {
                s3.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void aNewPostgresRecoveredToATimeBeforeADestructiveDeleteHasEveryRowAndTheOriginalKeepsRunning() throws Exception {
        admin.resource(postgres(SOURCE, "")).create();
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(ready(SOURCE)).as(SOURCE + " Ready").isTrue());
        try (Connection owner = connect(SOURCE, SOURCE + "-books-owner")) {
            owner.createStatement().execute("CREATE TABLE entries (id int PRIMARY KEY)");
        }
        rows(SOURCE, "INSERT INTO entries SELECT generate_series(1, 10)");

        Job backup = admin.resource(ManualJob.from(
                        admin.batch()
                                .v1()
                                .cronjobs()
                                .inNamespace(namespace)
                                .withName(Names.postgresBackups(SOURCE))
                                .require(),
                        "ledger-base-1"))
                .create();
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(succeeded(backup)).as("base backup").isTrue());
        assertThat(s3.keys("archive", namespace + "/" + SOURCE + "/base/")).isNotEmpty();

        rows(SOURCE, "INSERT INTO entries SELECT generate_series(11, 20)");
        String target = scalar(
                SOURCE,
                "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC'," + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
        Thread.sleep(1100); // the DELETE commits in a later second than the target, whatever the clock's resolution
        rows(SOURCE, "DELETE FROM entries");
        String segment = superuserScalar(SOURCE, "SELECT pg_walfile_name(pg_switch_wal())");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(s3.keys("archive", namespace + "/" + SOURCE + "/wals/"))
                        .anySatisfy(key -> assertThat(key).contains(segment)));

        admin.resource(postgres(
                        RECOVERED,
                        "bootstrap: { recovery: { source: " + SOURCE + ", targetTime: \"" + target + "\", objectStore: "
                                + store() + " } }"))
                .create();
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(ready(RECOVERED)).as(RECOVERED + " Ready").isTrue());

        assertThat(scalar(RECOVERED, "SELECT count(*) FROM entries")).isEqualTo("20");
        assertThat(scalar(SOURCE, "SELECT count(*) FROM entries"))
                .as("the original, untouched")
                .isEqualTo("0");
        assertThat(ready(SOURCE)).isTrue();
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> {
            Postgres source = get(SOURCE);
            assertThat(condition(source, "ContinuousArchiving")).isEqualTo("True/Archiving");
            assertThat(source.getStatus().backup()).as("status.backup").isNotNull();
            assertThat(source.getStatus().backup().lastSuccessfulBackup()).isNotNull();
            assertThat(source.getStatus().backup().firstRecoverabilityPoint()).isNotNull();
            assertThat(get(RECOVERED).getStatus().recovery())
                    .as("status.recovery")
                    .isNotNull();
            assertThat(get(RECOVERED).getStatus().recovery().timeline()).isEqualTo(2L);
        });
    }

    @Test
    void aPostgresArchivingToAnObjectStoreThatDoesNotAnswerSaysArchivingFailed() throws Exception {
        // barman-cloud-wal-archive creates a bucket that does not exist, so an unreachable store is the failure here.
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(S3Server.ADDRESS))) {
            closed = socket.getLocalPort();
        }
        admin.resource(Serialization.unmarshal(
                        Serialization.asYaml(postgres("nowhere", ""))
                                .replace(s3.endpoint(), "http://" + S3Server.ADDRESS + ":" + closed),
                        Postgres.class))
                .create();
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(ready("nowhere")).as("nowhere Ready").isTrue());
        superuserScalar("nowhere", "SELECT pg_walfile_name(pg_switch_wal())");
        await().atMost(Duration.ofSeconds(150))
                .untilAsserted(() -> assertThat(condition(get("nowhere"), "ContinuousArchiving"))
                        .isEqualTo("False/ArchivingFailed"));
    }

    private static Postgres get(String name) {
        return admin.resources(Postgres.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** The condition's status and reason, as "True/Archiving". */
    private static String condition(Postgres postgres, String type) {
        return Conditions.find(postgres.getStatus().conditions(), type)
                .map(c -> c.status() + "/" + c.reason())
                .orElse("none");
    }

    private static Postgres postgres(String name, String bootstrap) {
        return Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: %s, namespace: %s }
                spec:
                  version: "15"
                  storage: { size: 1Gi }
                  databases: [ { name: books } ]
                  roles: [ { name: clerk, database: books, access: ReadWrite } ]
                  backup: { schedule: "0 3 * * *", retain: 2, objectStore: %s }
                  deletionPolicy: Delete
                  %s
                """.formatted(name, namespace, store(), bootstrap), Postgres.class);
    }

    private static String store() {
        return "{ endpoint: \"" + s3.endpoint() + "\", bucket: archive, credentials: { secretName: s3 } }";
    }

    private static boolean ready(String name) {
        Postgres current = admin.resources(Postgres.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        return current != null
                && current.getStatus() != null
                && Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                        .map(c -> c.holds())
                        .orElse(false);
    }

    private static boolean succeeded(Job job) {
        Job current = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName(job.getMetadata().getName())
                .get();
        Integer succeeded =
                current.getStatus() == null ? null : current.getStatus().getSucceeded();
        return succeeded != null && succeeded == 1;
    }

    private static void rows(String postgres, String sql) throws Exception {
        try (Connection clerk = connect(postgres, postgres + "-clerk-login")) {
            clerk.createStatement().execute(sql);
        }
    }

    private static String scalar(String postgres, String sql) throws Exception {
        try (Connection clerk = connect(postgres, postgres + "-clerk-login")) {
            return first(clerk, sql);
        }
    }

    private static String superuserScalar(String postgres, String sql) throws Exception {
        try (Connection superuser = connect(postgres, Names.postgresSuperuserSecret(postgres))) {
            return first(superuser, sql);
        }
    }

    private static String first(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Connection connect(String postgres, String secret) throws Exception {
        return logins.connect(logins.secret(secret), Names.serviceHost(postgres, namespace), "books");
    }
}
