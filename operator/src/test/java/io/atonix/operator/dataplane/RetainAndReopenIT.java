package io.atonix.operator.dataplane;

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
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.api.v1beta1.redis.RedisPersistenceMode;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.RetainedData;
import io.atonix.operator.common.Updates;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * deletionPolicy Retain proven on the data plane through the packaged operator: a Postgres and a Redis deleted and
 * created again under the same name open the same data with the same logins, and a Postgres switched from Delete to
 * Retain keeps its backups and its data when it is deleted. The volumes of what was kept have reclaim policy Retain.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class RetainAndReopenIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;
    private static Reopening reopening;
    private static RedisCli redisCli;

    @BeforeAll
    static void start() throws Exception {
        redisCli = new RedisCli();
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-retain");
        namespace = namespaces.restricted("ledger");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        reopening = new Reopening(admin, namespace, TIMEOUT);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-retain");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
                // Retained volumes outlive the namespace by design; the test removes them (and their directories).
                reopening.deleteVolumesOfRemovedNamespace();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void aPostgresCreatedAgainUnderRetainHasItsRowsAndItsRolesLoginSecretStillLogsIn() throws Exception {
        admin.resource(postgres("books", DeletionPolicy.Retain, null)).create();
        reopening.awaitReady(Postgres.class, "books");
        try (Connection owner = connect(logins.secret("books-ledger-owner"), "ledger")) {
            owner.createStatement().execute("CREATE TABLE entries (id int PRIMARY KEY, amount int)");
        }
        Map<String, String> clerk = logins.secret("books-clerk-login");
        try (Connection connection = connect(clerk, "ledger")) {
            assertThat(connection.createStatement().executeUpdate("INSERT INTO entries VALUES (1, 10), (2, 20)"))
                    .isEqualTo(2);
        }

        reopening.deleteAndCreateAgain(Postgres.class, "books", () -> postgres("books", DeletionPolicy.Retain, null));

        assertThat(logins.secret("books-clerk-login"))
                .as("the same login Secret")
                .isEqualTo(clerk);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            try (Connection connection = connect(clerk, "ledger");
                    ResultSet sum = connection.createStatement().executeQuery("SELECT sum(amount) FROM entries")) {
                sum.next();
                assertThat(sum.getInt(1)).isEqualTo(30);
            }
        });
        reopening.assertVolumeRetained("data-books-0");
    }

    @Test
    void aRedisCreatedAgainUnderRetainHasTheKeyItsUserWroteAndTheUsersPasswordStillWorks() throws Exception {
        admin.resource(redis("carts")).create();
        reopening.awaitReady(Redis.class, "carts");
        Map<String, String> web = logins.secret("carts-web-login");
        assertThat(redisCli.run(reopening.podIp("carts-0"), web, "SET", "web:cart", "3"))
                .isEqualTo("OK");
        AppendOnlyFile.awaitKey(admin, namespace, "data-carts-0", "web:cart");

        reopening.deleteAndCreateAgain(Redis.class, "carts", () -> redis("carts"));

        assertThat(logins.secret("carts-web-login")).as("the same login Secret").isEqualTo(web);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(redisCli.run(reopening.podIp("carts-0"), web, "GET", "web:cart"))
                        .isEqualTo("3"));
        reopening.assertVolumeRetained("data-carts-0");
    }

    @Test
    void aPostgresSwitchedFromDeleteToRetainKeepsItsBackupsAndItsDataWhenDeleted() throws Exception {
        BackupSpec backup = BackupSpec.toVolume("0 3 * * *", 2, VolumeSpec.of("1Gi"));
        admin.resource(postgres("vault", DeletionPolicy.Delete, backup)).create();
        reopening.awaitReady(Postgres.class, "vault");
        String dump = reopening.runBackupNow("vault");

        Updates.change(
                admin,
                Postgres.class,
                namespace,
                "vault",
                p -> p.setSpec(postgres("vault", DeletionPolicy.Retain, backup).getSpec()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var claim = admin.persistentVolumeClaims()
                    .inNamespace(namespace)
                    .withName("vault-backups")
                    .get();
            assertThat(claim.getMetadata().getOwnerReferences())
                    .as("owners of the backups")
                    .isNullOrEmpty();
            assertThat(claim.getMetadata().getAnnotations()).containsEntry(RetainedData.RETAINED_BY, "Postgres/vault");
            // The StatefulSet controller takes its own owner reference off the data claim when whenDeleted changes.
            assertThat(admin.persistentVolumeClaims()
                            .inNamespace(namespace)
                            .withName("data-vault-0")
                            .get()
                            .getMetadata()
                            .getOwnerReferences())
                    .as("owners of the data claim")
                    .isNullOrEmpty();
        });
        reopening.deleteAndAwaitCollected(Postgres.class, "vault", Names.postgresConfig("vault"));

        for (String claim : List.of("vault-backups", "data-vault-0")) {
            reopening.assertVolumeRetained(claim);
        }
        assertThat(DataPlane.volumeDirectory(reopening.volume("vault-backups")).resolve(dump))
                .as("the dump the backup Job wrote")
                .isNotEmptyFile();
    }

    private static Connection connect(Map<String, String> login, String database) throws Exception {
        String host = login.getOrDefault("host", Names.serviceHost("books", namespace));
        return logins.connect(login, host, database);
    }

    private static Postgres postgres(String name, DeletionPolicy policy, BackupSpec backup) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        postgres.setSpec(new PostgresSpec(
                "15",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("ledger", null)),
                List.of(new RoleSpec("clerk", "ledger", Access.ReadWrite)),
                null,
                null,
                backup,
                policy,
                null,
                null,
                null));
        return postgres;
    }

    private static Redis redis(String name) {
        Redis redis = new Redis();
        redis.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        redis.setSpec(new RedisSpec(
                "7.2",
                new Quantity("64Mi"),
                null,
                new RedisPersistence(RedisPersistenceMode.AppendOnly, null),
                List.of(new RedisUserSpec("web", null, null)),
                null,
                DeletionPolicy.Retain,
                null,
                null));
        return redis;
    }
}
