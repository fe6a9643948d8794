package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Rotation;
import io.atonix.operator.realcluster.AuditLog;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.redis.RespClient;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole stack on the data plane, through the packaged operator: its own PostgreSQL 15 and Redis 7.2, and two
 * services running the probe application (resources/dataplane/probe-stack.yaml), which uses only the environment the
 * operator gave its pods. What the probes report is what a service of the stack can do with its bindings.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlaneStackIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final String STACK = "shop";
    private static final String POSTGRES = "shop-postgres";
    private static final String WRITER_LOGIN = POSTGRES + "-writer-db-login";
    /** SQLSTATE insufficient_privilege: a refused statement, or a database the role may not connect to. */
    private static final String REFUSED = "refused 42501";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;
    private static ProbeCalls probes;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-stack");
        namespace = namespaces.restricted("shop");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        probes = new ProbeCalls(admin, namespace, STACK);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-stack");
        try (var yaml = DataPlaneStackIT.class.getResourceAsStream("/dataplane/probe-stack.yaml")) {
            admin.resources(AppStack.class).inNamespace(namespace).load(yaml).create();
        }
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").contains(true));
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
    void bothServicesRunTheProbeOnTheAgentsNodeWithTheirBindingsInTheirEnvironment() throws Exception {
        for (String service : List.of("writer", "reader")) {
            Pod pod = probes.readyPods(service).get(0);
            assertThat(pod.getSpec().getNodeName()).isEqualTo(DataPlane.NODE);
            assertThat(probes.env(service))
                    .contains("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "DATABASE_URL")
                    .contains("REDIS_HOST", "REDIS_PORT", "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_URL");
        }
    }

    @Test
    @Order(2)
    void theReadWriteServiceChangesRowsTheReadOnlyServiceOnlyReadsThemAndNeitherReachesTheOtherDatabase()
            throws Exception {
        try (var owner = logins.connect(
                logins.secret(POSTGRES + "-orders-owner"), Names.serviceHost(POSTGRES, namespace), "orders")) {
            owner.createStatement().execute("CREATE TABLE carts (id int PRIMARY KEY, items int)");
        }
        assertThat(probes.postgres("writer", "", "INSERT INTO carts VALUES (1, 3)"))
                .isEqualTo("ok\n1");
        assertThat(probes.postgres("writer", "via=url", "UPDATE carts SET items = 4 WHERE id = 1"))
                .isEqualTo("ok\n1");
        assertThat(probes.postgres("reader", "", "SELECT id, items FROM carts")).isEqualTo("ok\n1\t4");
        assertThat(probes.postgres("reader", "", "INSERT INTO carts VALUES (2, 1)"))
                .startsWith(REFUSED);
        assertThat(probes.postgres("reader", "via=url", "DELETE FROM carts")).startsWith(REFUSED);
        for (String service : List.of("writer", "reader")) {
            assertThat(probes.postgres(service, "", "CREATE TABLE mine (id int)"))
                    .startsWith(REFUSED);
            assertThat(probes.postgres(service, "database=audit", "SELECT 1")).startsWith(REFUSED);
        }
    }

    @Test
    @Order(3)
    void eachServiceReachesOnlyItsOwnRedisKeysAndAClientWithoutALoginIsRefused() throws Exception {
        assertThat(probes.redis("writer", "", "SET writer-cache:cart 3")).isEqualTo("ok\nOK");
        assertThat(probes.redis("writer", "", "SET reader-cache:cart 3")).startsWith("refused NOPERM");
        assertThat(probes.redis("writer", "via=url", "GET writer-cache:cart")).isEqualTo("ok\n3");
        assertThat(probes.redis("reader", "", "GET writer-cache:cart")).isEqualTo("ok\n3");
        assertThat(probes.redis("reader", "", "SET writer-cache:cart 4")).startsWith("refused NOPERM");
        assertThat(probes.redis("reader", "", "GET session:1")).startsWith("refused NOPERM");
        try (RespClient anonymous = new RespClient(logins.address(Names.serviceHost("shop-redis", namespace)), 6379)) {
            assertThat(anonymous.call("GET", "writer-cache:cart"))
                    .isInstanceOfSatisfying(
                            RespClient.Error.class, e -> assertThat(e.message()).startsWith("NOAUTH"));
        }
    }

    @Test
    @Order(4)
    void aRotatedLoginRollsOnlyItsServiceWhoseNewPodConnectsWithTheNewPasswordWhileTheOldOneIsRefused()
            throws Exception {
        Map<String, String> before = logins.secret(WRITER_LOGIN);
        String writerPod = probes.readyPods("writer").get(0).getMetadata().getName();
        String readerPod = probes.readyPods("reader").get(0).getMetadata().getName();

        admin.secrets().inNamespace(namespace).withName(WRITER_LOGIN).edit(s -> {
            s.getMetadata().getAnnotations().put(Rotation.ANNOTATION, "now");
            return s;
        });

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(logins.secret(WRITER_LOGIN).get("password")).isNotEqualTo(before.get("password"));
            assertThat(probes.readyPods("writer"))
                    .singleElement()
                    .satisfies(pod -> assertThat(pod.getMetadata().getName()).isNotEqualTo(writerPod));
            assertThat(admin.pods().inNamespace(namespace).withName(writerPod).get())
                    .isNull();
        });
        assertThat(probes.postgres("writer", "", "SELECT items FROM carts")).isEqualTo("ok\n4");
        assertThat(probes.readyPods("reader").get(0).getMetadata().getName()).isEqualTo(readerPod);
        assertThat(catchSql(() ->
                        logins.connect(before, before.get("host"), "orders").close()))
                .as("the old password")
                .hasValue("28P01");
    }

    @Test
    @Order(5)
    void aKilledPostgresTakesTheStackOutOfReadyAndBackWithItsRowsIntact() throws Exception {
        Set<Boolean> seen = ConcurrentHashMap.newKeySet();
        try (Watch watch = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AppStack stack) {
                        readiness(stack).ifPresent(seen::add);
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            DataPlane.kill(namespace, POSTGRES + "-0", "postgres");
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(postgresContainer().getRestartCount()).isEqualTo(1);
                assertThat(seen).as("the stack's Ready seen").contains(false);
                assertThat(ready()).contains(true);
            });
        }
        assertThat(probes.postgres("reader", "", "SELECT id, items FROM carts")).isEqualTo("ok\n1\t4");
    }

    @Test
    @Order(6)
    void anUpgradeThatWritesEveryChildAgainRestartsNoPodAndKeepsEveryCredentialAndRow() throws Exception {
        Map<String, String> pods = PreviousRelease.pods(admin, namespace);
        Map<String, String> writer = logins.secret(WRITER_LOGIN);
        operator.close();
        int stamped = PreviousRelease.stampChildren(admin, namespace);
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        long mark = audit.mark();
        operator = OperatorProcess.start(RealCluster.plane(), "dp-stack-head");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(PreviousRelease.unchanged(admin, namespace))
                    .as("children the head has not written again")
                    .isEmpty();
            assertThat(ready()).contains(true);
        });
        System.out.printf(
                "Upgrade: %d children written again with %d writing requests%n",
                stamped, audit.writesBy(operator.user(), namespace, mark).size());
        assertThat(stamped).as("children stamped").isGreaterThan(10);
        assertThat(PreviousRelease.pods(admin, namespace))
                .as("pods and their restarts")
                .isEqualTo(pods);
        assertThat(logins.secret(WRITER_LOGIN)).isEqualTo(writer);
        assertThat(probes.postgres("reader", "", "SELECT id, items FROM carts")).isEqualTo("ok\n1\t4");
        assertThat(probes.redis("writer", "", "GET writer-cache:cart")).isEqualTo("ok\n3");
    }

    @Test
    @Order(7)
    void aRestartedOperatorFindsTheReadyStackAsItLeftItAndWritesNothing() throws Exception {
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        audit.awaitSettled(operator.user(), namespace, Duration.ofSeconds(5), TIMEOUT);
        operator.close();
        long mark = audit.mark();
        Instant start = Instant.now();
        operator = OperatorProcess.start(RealCluster.plane(), "dp-stack-restart");

        assertThat(audit.writesDuring(
                        operator.user(),
                        namespace,
                        mark,
                        start,
                        Duration.ofSeconds(15),
                        () -> operator.reconciliationsOf(namespace, STACK) > 0
                                && operator.reconciliationsOf("Postgres", namespace, POSTGRES) > 0
                                && operator.reconciliationsOf("Redis", namespace, "shop-redis") > 0,
                        TIMEOUT))
                .as("writing requests of an operator started on a stack, its Postgres and its Redis, all Ready")
                .isEmpty();
        assertThat(ready()).contains(true);
    }

    private static ContainerStatus postgresContainer() {
        return admin
                .pods()
                .inNamespace(namespace)
                .withName(POSTGRES + "-0")
                .get()
                .getStatus()
                .getContainerStatuses()
                .stream()
                .filter(s -> s.getName().equals("postgres"))
                .findFirst()
                .orElseThrow();
    }

    private static Optional<Boolean> ready() {
        return readiness(admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .get());
    }

    private static Optional<Boolean> readiness(AppStack stack) {
        if (stack == null || stack.getStatus() == null) {
            return Optional.empty();
        }
        return Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                .map(Condition::holds);
    }

    /** The SQLSTATE of the statement's failure, empty when it succeeded. */
    private static Optional<String> catchSql(SqlAction action) {
        try {
            action.run();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getSQLState());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private interface SqlAction {
        void run() throws Exception;
    }
}
