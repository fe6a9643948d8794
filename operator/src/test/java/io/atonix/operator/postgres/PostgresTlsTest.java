package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.TlsMode;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.KeptCredentials;
import io.atonix.operator.tls.ServerCertificate;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Postgres that requires TLS: its certificates reach the server, and its bindings tell clients to verify it. */
class PostgresTlsTest {
    private static final ServerCertificate ISSUED = new ServerCertificate("CA-PEM", "CA-KEY", "CRT-PEM", "KEY-PEM");

    static Postgres postgres(TlsSpec tls) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop-postgres")
                .withNamespace("shop")
                .withUid("u")
                .build());
        postgres.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", List.of())),
                List.of(new RoleSpec("api", "shop", Access.ReadWrite)),
                Map.of("ssl", "off"),
                null,
                null,
                null,
                null,
                null,
                null,
                tls));
        return postgres;
    }

    private static Postgres required() {
        return postgres(new TlsSpec(TlsMode.Required));
    }

    private static Map<String, Secret> secrets(Postgres postgres) {
        return PostgresSecrets.all(postgres, name -> "pw-" + name, () -> ISSUED);
    }

    @Test
    void theLoginBindingAsksForVerifyFullAndCarriesTheCaCertificate() {
        Secret login = secrets(required()).get("shop-postgres-api-login");
        assertThat(login.getStringData())
                .containsEntry(
                        "uri",
                        "postgresql://api:pw-shop-postgres-api-login@shop-postgres.shop.svc:5432/shop"
                                + "?sslmode=verify-full")
                .containsEntry("jdbc-url", "jdbc:postgresql://shop-postgres.shop.svc:5432/shop?sslmode=verify-full")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "ca.crt")
                .containsEntry("ca.crt", "CA-PEM");
    }

    @Test
    void withoutTlsTheBindingIsExactlyWhatItWasBeforeSpecTlsExisted() {
        for (TlsSpec tls : new TlsSpec[] {null, TlsSpec.disabled()}) {
            Map<String, Secret> secrets = PostgresSecrets.all(postgres(tls), name -> "pw", () -> {
                throw new AssertionError("no certificates are issued without TLS");
            });
            assertThat(secrets).doesNotContainKey("shop-postgres-tls");
            assertThat(secrets.get("shop-postgres-api-login").getStringData())
                    .containsEntry("uri", "postgresql://api:pw@shop-postgres.shop.svc:5432/shop")
                    .containsEntry("jdbc-url", "jdbc:postgresql://shop-postgres.shop.svc:5432/shop")
                    .doesNotContainKeys("sslmode", "sslrootcert", "ca.crt");
        }
    }

    @Test
    void theTlsSecretHoldsTheCertificatesAndIsKeptLikeTheCredentials() {
        Secret tls = secrets(required()).get("shop-postgres-tls");
        assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(tls.getStringData())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("ca.crt", "CA-PEM", "tls.crt", "CRT-PEM", "tls.key", "KEY-PEM", "ca.key", "CA-KEY"));
        assertThat(tls.getMetadata().getLabels())
                .isEqualTo(secrets(required())
                        .get("shop-postgres-superuser")
                        .getMetadata()
                        .getLabels());
    }

    @Test
    void theServerTurnsSslOnWhateverTheParametersSayAndAcceptsTlsConnectionsOnly() {
        Postgres postgres = required();
        var config = PostgresConfig.desired(postgres).getData();
        assertThat(config.get("postgresql.conf"))
                .contains("ssl = 'on'")
                .doesNotContain("ssl = 'off'")
                .contains("ssl_cert_file = '/etc/atonix/tls/tls.crt'")
                .contains("ssl_key_file = '/etc/atonix/tls/tls.key'")
                .contains("hba_file = '/etc/postgresql/pg_hba.conf'");
        assertThat(config.get("pg_hba.conf"))
                .contains("hostssl   all  all  all  scram-sha-256")
                .contains("hostnossl all  all  all  reject")
                .doesNotContainPattern("(?m)^host\\s");
    }

    @Test
    void withoutTlsTheConfigKeepsTheDataDirectorysRulesAndHasNoSsl() {
        var config = PostgresConfig.desired(postgres(null)).getData();
        assertThat(config).containsOnlyKeys("postgresql.conf");
        assertThat(config.get("postgresql.conf"))
                .contains("hba_file = '/var/lib/postgresql/data/pgdata/pg_hba.conf'")
                .doesNotContain("ssl_cert_file");
    }

    @Test
    void thePodMountsTheServerCertificateKeyAndCaButNeverTheCaKey() {
        Postgres postgres = required();
        StatefulSet sts = PostgresStatefulSets.desired(postgres, Optional.empty());
        var pod = sts.getSpec().getTemplate().getSpec();
        var volume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals("tls"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("shop-postgres-tls");
        assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
        assertThat(volume.getSecret().getItems())
                .extracting(i -> i.getKey())
                .containsExactlyInAnyOrder("tls.crt", "tls.key", "ca.crt");
        var server = pod.getContainers().get(0);
        assertThat(server.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getName() + ":" + m.getMountPath() + ":" + m.getReadOnly())
                        .isEqualTo("tls:/etc/atonix/tls:true"));
        var exporter = pod.getContainers().get(1);
        assertThat(exporter.getEnv())
                .anySatisfy(e -> assertThat(e.getValue()).isEqualTo("127.0.0.1:5432/postgres?sslmode=require"));
    }

    @Test
    void newCertificatesRollTheServerThroughTheCredentialsChecksum() {
        Postgres postgres = required();
        Map<String, Secret> first = secrets(postgres);
        Map<String, Secret> renewed = PostgresSecrets.all(
                postgres, name -> "pw-" + name, () -> new ServerCertificate("CA2", "CAK2", "CRT2", "KEY2"));
        assertThat(PostgresStatefulSets.credentialsChecksum(postgres, first))
                .isNotEqualTo(PostgresStatefulSets.credentialsChecksum(postgres, renewed));
    }

    @Test
    void aStoredLoginWithoutTlsDetailsIsRewrittenWithItsOwnPasswordWhenTlsBecomesRequired() {
        Secret before = PostgresSecrets.all(postgres(null), name -> "kept", () -> ISSUED)
                .get("shop-postgres-api-login");
        Secret after =
                PostgresSecrets.all(required(), name -> "kept", () -> ISSUED).get("shop-postgres-api-login");
        assertThat(KeptCredentials.holds(before, after)).isFalse();
        assertThat(after.getStringData()).containsEntry("password", "kept");
        assertThat(KeptCredentials.holds(after, after)).isTrue();
    }

    @Test
    void theBackupJobsDumpOverTlsCheckingTheServerAgainstTheCaAlone() {
        Postgres postgres = required();
        postgres.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                postgres.getSpec().databases(),
                postgres.getSpec().roles(),
                null,
                null,
                new BackupSpec("0 3 * * *", 7, VolumeSpec.of("2Gi"), null),
                null,
                null,
                null,
                null,
                new TlsSpec(TlsMode.Required)));
        var pod = PostgresBackups.cronJob(postgres)
                .orElseThrow()
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("PGSSLMODE=verify-full"))
                .anySatisfy(e ->
                        assertThat(e.getName() + "=" + e.getValue()).isEqualTo("PGSSLROOTCERT=/etc/atonix/tls/ca.crt"));
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("tls"))
                .singleElement()
                .satisfies(v -> assertThat(v.getSecret().getItems())
                        .extracting(item -> item.getKey())
                        .containsExactly("ca.crt"));
        assertThat(PostgresBackups.cronJob(postgres(null)))
                .as("no backups without spec.backup")
                .isEmpty();
    }
}
