package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.TlsMode;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.redis.RespClient;
import io.atonix.operator.tls.CertificateAuthority;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Postgres and a Redis that require TLS, created through the packaged operator, run for real on the data plane's
 * node with the certificates the operator issued and mounted: Debian's PostgreSQL 15 with ssl on and pg_hba allowing
 * hostssl alone, Debian's redis-server on its TLS port alone. Both are Ready only because their probes pass over TLS
 * and the operator provisioned the Postgres over JDBC with verify-full against the CA it keeps. A client that checks
 * the server as the binding asks (the binding's CA, the Service's name) connects; a plain connection is refused, and
 * so is a client that expects another name or another CA. A backup Job's pg_dump checks the server the same way.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class DataPlaneTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String POSTGRES = "vault-db";
    private static final String REDIS = "tokens";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;
    private static Path scratch;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-tls");
        namespace = namespaces.restricted("vault");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        scratch = Files.createTempDirectory("dp-tls");
        operator = OperatorProcess.start(RealCluster.plane(), "dp-tls");
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName(POSTGRES)
                .withNamespace(namespace)
                .build());
        postgres.setSpec(new PostgresSpec(
                "15",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("ledger", null)),
                List.of(new RoleSpec("teller", "ledger", Access.ReadWrite)),
                null,
                null,
                new BackupSpec("0 3 * * *", 7, VolumeSpec.of("1Gi"), null),
                DeletionPolicy.Delete,
                null,
                null,
                null,
                new TlsSpec(TlsMode.Required)));
        Redis redis = new Redis();
        redis.setMetadata(
                new ObjectMetaBuilder().withName(REDIS).withNamespace(namespace).build());
        redis.setSpec(new RedisSpec(
                "7.2",
                new Quantity("64Mi"),
                null,
                null,
                List.of(new RedisUserSpec("web", null, null)),
                null,
                DeletionPolicy.Delete,
                null,
                null,
                new TlsSpec(TlsMode.Required)));
        admin.resource(postgres).create();
        admin.resource(redis).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(ready(Postgres.class, POSTGRES)).as(POSTGRES + " Ready").isTrue();
            assertThat(ready(Redis.class, REDIS)).as(REDIS + " Ready").isTrue();
        });
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
    void aVerifyFullPsqlClientConnectsWithTheBindingsUriAndCaAndItsSessionIsEncrypted() throws Exception {
        Map<String, String> login = logins.secret(POSTGRES + "-teller-login");
        assertThat(login.get("uri")).endsWith("/ledger?sslmode=verify-full");
        assertThat(login.get("jdbc-url")).endsWith("/ledger?sslmode=verify-full");
        assertThat(login).containsEntry("sslmode", "verify-full").containsEntry("sslrootcert", "ca.crt");
        String connection = login.get("uri") + "&hostaddr=" + logins.address(login.get("host")) + "&sslrootcert="
                + file("postgres-ca.crt", login.get("ca.crt"));

        TlsClients.Result session =
                TlsClients.psql(connection, "", "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");

        assertThat(session.output()).isEqualTo("t");
        assertThat(session.succeeded()).isTrue();
    }

    @Test
    void aPlainPostgresConnectionIsRefusedByTheServersRules() throws Exception {
        Map<String, String> login = logins.secret(POSTGRES + "-teller-login");
        String plain = "host=" + login.get("host") + " hostaddr=" + logins.address(login.get("host"))
                + " port=5432 dbname=ledger user=teller sslmode=disable";

        TlsClients.Result refused = TlsClients.psql(plain, login.get("password"), "SELECT 1");

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.output()).contains("pg_hba.conf rejects connection").contains("no encryption");
    }

    @Test
    void aPostgresClientThatExpectsAnotherNameOrTrustsAnotherCaIsRefusedTheServer() throws Exception {
        Map<String, String> login = logins.secret(POSTGRES + "-teller-login");
        String address = logins.address(login.get("host"));
        String ownCa = file("postgres-ca.crt", login.get("ca.crt"));
        String otherCa = file(
                "other-ca.crt",
                CertificateAuthority.issue("other", List.of("other"), Instant.now())
                        .caCertificate());
        String base = " hostaddr=" + address + " port=5432 dbname=ledger user=teller sslmode=verify-full";

        TlsClients.Result wrongName = TlsClients.psql(
                "host=" + POSTGRES + ".elsewhere.svc" + base + " sslrootcert=" + ownCa,
                login.get("password"),
                "SELECT 1");
        TlsClients.Result wrongCa = TlsClients.psql(
                "host=" + login.get("host") + base + " sslrootcert=" + otherCa, login.get("password"), "SELECT 1");

        assertThat(wrongName.succeeded()).isFalse();
        assertThat(wrongName.output()).contains("does not match host name");
        assertThat(wrongCa.succeeded()).isFalse();
        assertThat(wrongCa.output()).contains("certificate verify failed");
    }

    @Test
    void aBackupJobDumpsTheDatabaseOverTlsCheckingTheServerAgainstTheCa() throws Exception {
        BackupRuns runs = new BackupRuns(admin, namespace);
        admin.resource(ManualJob.from(runs.cronJob(POSTGRES), "vault-db-backups-now"))
                .create();

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(runs.conditions("vault-db-backups-now")).contains("Complete"));
        var container = runs.pods("vault-db-backups-now")
                .get(0)
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(container.getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("PGSSLMODE=verify-full"));
        assertThat(runs.files(POSTGRES))
                .singleElement()
                .satisfies(name -> assertThat(name).matches("ledger-\\d{8}T\\d{6}Z\\.dump"));
    }

    @Test
    void aVerifyFullRedisClientLogsInOverTlsWithTheBindingsCaAndPassword() throws Exception {
        Map<String, String> login = logins.secret(REDIS + "-web-login");
        assertThat(login.get("uri")).startsWith("rediss://web:");
        assertThat(login).containsEntry("ssl", "true").containsKey("ca.crt");

        try (RespClient client = new RespClient(TlsClients.verifyFull(
                logins.address(login.get("host")), 6379, login.get("host"), login.get("ca.crt")))) {
            assertThat(client.call("AUTH", "web", login.get("password"))).isEqualTo("OK");
            assertThat(client.call("SET", "web:session", "open")).isEqualTo("OK");
            assertThat(client.call("GET", "web:session")).isEqualTo("open");
        }
    }

    @Test
    void aPlainRedisConnectionGetsNoAnswerAndAClientExpectingAnotherNameIsRefusedTheServer() throws Exception {
        Map<String, String> login = logins.secret(REDIS + "-web-login");
        String address = logins.address(login.get("host"));

        assertThatThrownBy(() -> {
                    try (RespClient plain = new RespClient(address, 6379)) {
                        plain.call("AUTH", "web", login.get("password"));
                    }
                })
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TlsClients.verifyFull(address, 6379, REDIS + ".elsewhere.svc", login.get("ca.crt"))
                        .close())
                .isInstanceOf(SSLException.class)
                .hasMessageContaining("No subject alternative DNS name matching");
    }

    @Test
    void bothExportersReachTheirServersOverTheLoopbackWithTls() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metrics(POSTGRES + "-0", PostgresExporterImage.PORT)).containsPattern("(?m)^pg_up 1$");
            assertThat(metrics(REDIS + "-0", RedisExporterImage.PORT)).containsPattern("(?m)^redis_up 1$");
        });
    }

    private static String metrics(String pod, int port) throws Exception {
        String address = admin.pods()
                .inNamespace(namespace)
                .withName(pod)
                .get()
                .getStatus()
                .getPodIP();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + "/metrics"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String file(String name, String content) throws IOException {
        Path file = scratch.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    private static boolean ready(Class<? extends HasMetadata> kind, String name) {
        HasMetadata current =
                admin.resources(kind).inNamespace(namespace).withName(name).get();
        if (current instanceof Postgres postgres && postgres.getStatus() != null) {
            return Conditions.find(postgres.getStatus().conditions(), ConditionTypes.READY)
                    .map(c -> c.holds())
                    .orElse(false);
        }
        if (current instanceof Redis redis && redis.getStatus() != null) {
            return Conditions.find(redis.getStatus().conditions(), ConditionTypes.READY)
                    .map(c -> c.holds())
                    .orElse(false);
        }
        return false;
    }
}
