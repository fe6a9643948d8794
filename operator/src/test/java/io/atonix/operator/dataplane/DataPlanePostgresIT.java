package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Names;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A standalone Postgres created through the packaged operator runs for real on the data plane's node: Debian's
 * PostgreSQL 15 started by the image's entrypoint with the configuration the operator mounted, Ready because its
 * pg_isready probes really pass and the operator really provisioned its databases and roles over JDBC (reaching the
 * server through the hosts file). The logins of the operator's binding Secrets are then tried over JDBC. A second
 * Postgres, of version 17, shows the other major there are binaries for.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlanePostgresIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String NAME = "shop-db";
    private static final String POD = NAME + "-0";
    /** A Postgres of the other major there are binaries for here: zonky's 17 server with Debian's client tools of 15. */
    private static final String NEWER = "archive-db";
    /** SQLSTATE insufficient_privilege: a refused statement, or a database the role may not connect to. */
    private static final String REFUSED = "42501";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-postgres");
        namespace = namespaces.restricted("shop");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-postgres");
        admin.resource(postgres(
                        NAME,
                        "15",
                        List.of(new DatabaseSpec("orders", null), new DatabaseSpec("audit", null)),
                        List.of(
                                new RoleSpec("checkout", "orders", Access.ReadWrite),
                                new RoleSpec("reports", "orders", Access.ReadOnly))))
                .create();
        admin.resource(postgres(
                        NEWER,
                        "17",
                        List.of(new DatabaseSpec("archive", null)),
                        List.of(new RoleSpec("archivist", "archive", Access.ReadWrite))))
                .create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(ready(NAME)).as(NAME + " Ready").isTrue();
            assertThat(ready(NEWER)).as(NEWER + " Ready").isTrue();
        });
    }

    private static Postgres postgres(String name, String version, List<DatabaseSpec> databases, List<RoleSpec> roles) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        postgres.setSpec(new PostgresSpec(
                version,
                1,
                VolumeSpec.of("1Gi"),
                databases,
                roles,
                null,
                null,
                null,
                DeletionPolicy.Delete,
                null,
                null,
                null));
        return postgres;
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
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    @Order(1)
    void thePostgresPodRunsPostgresql15OnTheAgentsNodeAndItsServiceNameResolvesToThePod() throws Exception {
        Pod pod = admin.pods().inNamespace(namespace).withName(POD).get();
        assertThat(pod.getSpec().getNodeName()).isEqualTo(DataPlane.NODE);
        assertThat(postgresStatus().getReady()).isTrue();
        assertThat(logins.address(login("checkout").get("host")))
                .isEqualTo(pod.getStatus().getPodIP());
        try (Connection connection = connect(login("checkout"), "orders");
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            assertThat(version.getString(1)).startsWith("15.");
        }
    }

    @Test
    @Order(2)
    void aPostgres17RunsZonkysServerProbedByTheClientToolsOf15AndItsRoleReachesItsDatabase() throws Exception {
        try (Connection connection = connect(logins.secret(NEWER + "-archivist-login"), "archive");
                Statement sql = connection.createStatement();
                ResultSet version = sql.executeQuery("SHOW server_version")) {
            version.next();
            assertThat(version.getString(1)).startsWith("17.");
            assertRefused(() -> sql.execute("CREATE TABLE mine (id int)"));
        }
    }

    @Test
    @Order(3)
    void theReadWriteRoleChangesRowsOfItsDatabaseTheReadOnlyRoleOnlyReadsThemAndNeitherCreatesTables()
            throws Exception {
        try (Connection owner = connect(logins.secret(NAME + "-orders-owner"), "orders")) {
            owner.createStatement().execute("CREATE TABLE carts (id int PRIMARY KEY, items int)");
        }
        try (Connection checkout = connect(login("checkout"), "orders");
                Statement sql = checkout.createStatement()) {
            assertThat(sql.executeUpdate("INSERT INTO carts VALUES (1, 3)")).isEqualTo(1);
            assertThat(sql.executeUpdate("UPDATE carts SET items = 4 WHERE id = 1"))
                    .isEqualTo(1);
            assertRefused(() -> sql.execute("CREATE TABLE mine (id int)"));
        }
        try (Connection reports = connect(login("reports"), "orders");
                Statement sql = reports.createStatement()) {
            ResultSet items = sql.executeQuery("SELECT items FROM carts WHERE id = 1");
            items.next();
            assertThat(items.getInt(1)).isEqualTo(4);
            assertRefused(() -> sql.executeUpdate("INSERT INTO carts VALUES (2, 1)"));
            assertRefused(() -> sql.executeUpdate("DELETE FROM carts"));
        }
    }

    @Test
    @Order(4)
    void neitherRoleConnectsToAnotherDatabase() {
        for (String role : List.of("checkout", "reports")) {
            assertRefused(() -> connect(login(role), "audit").close());
        }
    }

    @Test
    @Order(5)
    void aKilledPostmasterIsSeenAsAContainerRestartAndTheDataSurvivesUntilPostgresIsReadyAgain() throws Exception {
        DataPlane.kill(namespace, POD, "postgres");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ContainerStatus status = postgresStatus();
            assertThat(status.getRestartCount()).isEqualTo(1);
            assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
            assertThat(status.getReady()).isTrue();
            assertThat(ready(NAME)).isTrue();
            // The agent rewrites the hosts file within a second of the pod's readiness changing.
            assertThat(logins.address(login("reports").get("host")))
                    .isEqualTo(admin.pods()
                            .inNamespace(namespace)
                            .withName(POD)
                            .get()
                            .getStatus()
                            .getPodIP());
        });
        try (Connection reports = connect(login("reports"), "orders");
                ResultSet items = reports.createStatement().executeQuery("SELECT items FROM carts WHERE id = 1")) {
            items.next();
            assertThat(items.getInt(1)).isEqualTo(4);
        }
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

    private static ContainerStatus postgresStatus() {
        return admin.pods().inNamespace(namespace).withName(POD).get().getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals("postgres"))
                .findFirst()
                .orElseThrow();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(REFUSED));
    }

    /** The binding Secret {@code <postgres>-<role>-login} the operator wrote for a role. */
    private static Map<String, String> login(String role) {
        return logins.secret(NAME + "-" + role + "-login");
    }

    /** Connects with a Secret's login to its Postgres' Service (an owner's Secret has no host: {@value #NAME}'s). */
    private static Connection connect(Map<String, String> login, String database) throws Exception {
        return logins.connect(login, login.getOrDefault("host", Names.serviceHost(NAME, namespace)), database);
    }
}
