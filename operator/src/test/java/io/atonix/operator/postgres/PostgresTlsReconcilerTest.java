package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.TlsMode;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.common.Rotation;
import io.atonix.operator.common.SecretValues;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Turning TLS on for a running Postgres through the controller, against the mock API server: the certificates are
 * issued once, the login keeps its password while its connection details follow, and only a rotation request issues
 * new certificates.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class PostgresTlsReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAMESPACE = "pg-tls";

    @Inject
    KubernetesClient client;

    @Test
    void requiringTlsIssuesTheCertificatesOnceAndRewritesTheLoginsConnectionDetailsButNeverItsPassword() {
        Postgres pg = new Postgres();
        pg.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace(NAMESPACE)
                .build());
        pg.setSpec(spec(null));
        client.resource(pg).create();
        await().atMost(TIMEOUT).until(() -> secret("orders-api-login") != null);
        Map<String, String> plain = SecretValues.all(secret("orders-api-login"));
        assertThat(plain).doesNotContainKey("ca.crt");
        assertThat(secret("orders-tls")).isNull();

        Updates.change(
                client, Postgres.class, NAMESPACE, "orders", r -> r.setSpec(spec(new TlsSpec(TlsMode.Required))));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            // The login Secret that names the CA may be stored before the TLS Secret that holds it: wait for both.
            assertThat(secret("orders-tls")).isNotNull();
            Map<String, String> login = SecretValues.all(secret("orders-api-login"));
            assertThat(login)
                    .containsEntry("password", plain.get("password"))
                    .containsEntry("uri", plain.get("uri") + "?sslmode=verify-full")
                    .containsEntry("sslmode", "verify-full")
                    .containsEntry(
                            "ca.crt", SecretValues.all(secret("orders-tls")).get("ca.crt"));
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace(NAMESPACE)
                            .withName("orders")
                            .get()
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getVolumes())
                    .anySatisfy(v -> assertThat(v.getName()).isEqualTo("tls"));
        });
        Map<String, String> issued = SecretValues.all(secret("orders-tls"));
        assertThat(issued).containsOnlyKeys("ca.crt", "tls.crt", "tls.key", "ca.key");

        // Another change of the spec: the certificates stay as they were issued.
        Updates.change(
                client,
                Postgres.class,
                NAMESPACE,
                "orders",
                r -> r.setSpec(new PostgresSpec(
                        r.getSpec().version(),
                        1,
                        r.getSpec().storage(),
                        r.getSpec().databases(),
                        r.getSpec().roles(),
                        Map.of("work_mem", "16MB"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.getSpec().tls())));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(client.configMaps()
                                .inNamespace(NAMESPACE)
                                .withName("orders-config")
                                .get()
                                .getData()
                                .get("postgresql.conf"))
                        .contains("work_mem = '16MB'"));
        assertThat(SecretValues.all(secret("orders-tls"))).isEqualTo(issued);

        // A rotation request issues a new CA, which the login's binding follows.
        Updates.change(
                client,
                Secret.class,
                NAMESPACE,
                "orders-tls",
                s -> s.getMetadata().getAnnotations().put(Rotation.ANNOTATION, "now"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Secret renewed = secret("orders-tls");
            assertThat(renewed.getMetadata().getAnnotations()).doesNotContainKey(Rotation.ANNOTATION);
            String ca = SecretValues.all(renewed).get("ca.crt");
            assertThat(ca).isNotEqualTo(issued.get("ca.crt"));
            assertThat(SecretValues.all(secret("orders-api-login")))
                    .containsEntry("ca.crt", ca)
                    .containsEntry("password", plain.get("password"));
        });
    }

    private Secret secret(String name) {
        return client.secrets().inNamespace(NAMESPACE).withName(name).get();
    }

    private static PostgresSpec spec(TlsSpec tls) {
        return new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null)),
                List.of(new RoleSpec("api", "shop", Access.ReadWrite)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tls);
    }
}
