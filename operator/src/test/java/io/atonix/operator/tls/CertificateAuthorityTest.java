package io.atonix.operator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The certificates the operator issues for a data store, read back with the JDK's own X.509 support. */
class CertificateAuthorityTest {
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");
    private static final List<String> NAMES =
            StoreCertificates.dnsNames("shop", List.of("shop-postgres", "shop-postgres-headless"));

    @Test
    void theServerCertificateIsSignedByTheAuthorityAndNamesEveryDnsNameOfTheServices() throws Exception {
        ServerCertificate issued = CertificateAuthority.issue("shop-postgres.shop", NAMES, NOW);
        X509Certificate ca = certificate(issued.caCertificate());
        X509Certificate server = certificate(issued.certificate());

        server.verify(ca.getPublicKey());
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(server.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyElementsOf(List.<Object>copyOf(NAMES))
                .contains(
                        "shop-postgres.shop.svc",
                        "shop-postgres.shop.svc.cluster.local",
                        "shop-postgres",
                        "shop-postgres-headless.shop.svc");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void bothCertificatesAreValidNowAndForTenYears() throws Exception {
        ServerCertificate issued = CertificateAuthority.issue("shop-redis.shop", NAMES, NOW);
        for (String pem : List.of(issued.caCertificate(), issued.certificate())) {
            X509Certificate certificate = certificate(pem);
            assertThat(certificate.getNotBefore().toInstant()).isBefore(NOW);
            assertThat(certificate.getNotAfter().toInstant()).isAfterOrEqualTo(NOW.plus(3650, ChronoUnit.DAYS));
        }
    }

    @Test
    void eachKeyIsAPkcs8KeyThatSignsForItsCertificate() throws Exception {
        ServerCertificate issued = CertificateAuthority.issue("shop-redis.shop", NAMES, NOW);
        assertSigns(issued.key(), certificate(issued.certificate()));
        assertSigns(issued.caKey(), certificate(issued.caCertificate()));
        assertThat(issued.key()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void everyIssueHasItsOwnAuthority() {
        ServerCertificate first = CertificateAuthority.issue("shop-redis.shop", NAMES, NOW);
        ServerCertificate second = CertificateAuthority.issue("shop-redis.shop", NAMES, NOW);
        assertThat(first.caKey()).isNotEqualTo(second.caKey());
        assertThat(first.caCertificate()).isNotEqualTo(second.caCertificate());
    }

    @Test
    void storedCertificatesAreUsedAsTheyAreAndNothingIsIssued() {
        ServerCertificate kept = new ServerCertificate("ca", "ca-key", "crt", "key");
        var stored = new SecretBuilder()
                .withNewMetadata()
                .withName("shop-redis-tls")
                .endMetadata()
                .withData(encoded(kept))
                .build();
        assertThat(StoreCertificates.storedOrIssued(stored, "shop-redis", "shop", List.of("shop-redis"))
                        .get())
                .isEqualTo(kept);
    }

    @Test
    void aRotationRequestOnTheSecretIssuesNewCertificates() {
        ServerCertificate kept = new ServerCertificate("ca", "ca-key", "crt", "key");
        var stored = new SecretBuilder()
                .withNewMetadata()
                .withName("shop-redis-tls")
                .addToAnnotations("atonix.io/rotate", "")
                .endMetadata()
                .withData(encoded(kept))
                .build();
        var certificates = StoreCertificates.storedOrIssued(stored, "shop-redis", "shop", List.of("shop-redis"));
        assertThat(certificates.get().caCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificates.get()).as("issued once per supplier").isSameAs(certificates.get());
    }

    @Test
    void aBuilderGivenNoCertificatesSaysSoWhenItNeedsThem() {
        assertThatThrownBy(() -> StoreCertificates.notGiven("shop-redis").get())
                .hasMessageContaining("shop-redis requires TLS");
        assertThatCode(() -> StoreCertificates.notGiven("shop-redis")).doesNotThrowAnyException();
    }

    private static java.util.Map<String, String> encoded(ServerCertificate certificate) {
        java.util.Map<String, String> data = new java.util.LinkedHashMap<>();
        certificate
                .data()
                .forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return data;
    }

    private static void assertSigns(String keyPem, X509Certificate certificate) throws Exception {
        String body = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
