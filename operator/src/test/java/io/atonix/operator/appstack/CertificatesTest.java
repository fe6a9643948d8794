package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.http;
import static io.atonix.operator.appstack.TestStacks.https;
import static io.atonix.operator.appstack.TestStacks.issued;
import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestStacks.withRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.IssuerKind;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.edge.Certificate;
import io.atonix.operator.edge.CertificateStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cert-manager Certificate per host whose TLS names an issuer, and what its Ready condition says of the stack. */
class CertificatesTest {
    /** shop.example.com from a ClusterIssuer, *.example.com from the namespace's Issuer, api.example.com plain. */
    private static final AppStack SHOP = stack(
            "ns",
            "shop",
            List.of(
                    issued("shop.example.com", "letsencrypt", IssuerKind.ClusterIssuer),
                    issued("*.example.com", "internal-ca", null),
                    https("own.example.com"),
                    http("api.example.com")),
            withRoutes(
                    service("web", "nginx", 8080),
                    route("shop.example.com", "/"),
                    route("*.example.com", "/"),
                    route("own.example.com", "/"),
                    route("api.example.com", "/")));

    @Test
    void eachHostWithAnIssuerGetsACertificateIntoTheSecretItsIngressReads() {
        Map<String, Certificate> certificates = Certificates.desired(SHOP);
        assertThat(certificates).containsOnlyKeys("shop.example.com", "*.example.com");
        Certificate shop = certificates.get("shop.example.com");
        assertThat(shop.getMetadata().getName()).isEqualTo("shop-shop.example.com");
        assertThat(shop.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(shop.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("shop"));
        assertThat(shop.getMetadata().getLabels())
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.NAME, Certificates.NAME_LABEL);
        assertThat(shop.getSpec().dnsNames()).containsExactly("shop.example.com");
        assertThat(shop.getSpec().issuerRef().name()).isEqualTo("letsencrypt");
        assertThat(shop.getSpec().issuerRef().kind()).isEqualTo("ClusterIssuer");
        assertThat(shop.getSpec().issuerRef().group()).isEqualTo("cert-manager.io");
        Certificate wildcard = certificates.get("*.example.com");
        assertThat(wildcard.getMetadata().getName()).isEqualTo("shop-wildcard.example.com");
        assertThat(wildcard.getSpec().issuerRef().kind())
                .as("Issuer by default")
                .isEqualTo("Issuer");
        var ingressSecrets =
                Ingresses.desired(SHOP, PlatformSettings.defaults()).orElseThrow().getSpec().getTls().stream()
                        .map(IngressTLS::getSecretName)
                        .toList();
        assertThat(ingressSecrets)
                .contains(shop.getSpec().secretName(), wildcard.getSpec().secretName());
        assertThat(shop.getSpec().secretName()).isEqualTo("shop-shop.example.com-tls");
    }

    @Test
    void theCertificateIsWrittenAsCertManagersApiSpellsIt() {
        String yaml =
                new KubernetesSerialization().asYaml(Certificates.desired(SHOP).get("shop.example.com"));
        assertThat(yaml)
                .contains("apiVersion: \"cert-manager.io/v1\"")
                .contains("kind: \"Certificate\"")
                .contains("secretName: \"shop-shop.example.com-tls\"")
                .contains("issuerRef:")
                .doesNotContain("status");
    }

    @Test
    void aStackWithoutIssuersHasNoCertificatesAndNoCertificatesComponent() {
        AppStack plain = stack(
                "ns",
                "shop",
                List.of(https("shop.example.com")),
                withRoutes(service("web", "nginx", 80), route("shop.example.com", "/")));
        assertThat(Certificates.desired(plain)).isEmpty();
        assertThat(CertificatesStatus.of(plain, Map.of(), false)).isEmpty();
    }

    @Test
    void everyCertificateReadyMakesTheComponentReady() {
        ComponentStatus component = CertificatesStatus.of(SHOP, stored(ready("True", "Ready", "issued")), true)
                .orElseThrow();
        assertThat(component.holds()).isTrue();
        assertThat(component.reason()).isEqualTo(CertificatesStatus.REASON_READY);
        assertThat(component.message()).isEqualTo("2/2 certificates ready");
    }

    @Test
    void aCertificateTheIssuerRefusesIsCertificateNotReadyWithTheIssuersReasonAndMessage() {
        Map<String, Certificate> stored = stored(ready("True", "Ready", "issued"));
        stored.get("*.example.com")
                .setStatus(
                        new CertificateStatus(List.of(ready("False", "Failed", "Issuer internal-ca not found")), null));
        ComponentStatus component = CertificatesStatus.of(SHOP, stored, true).orElseThrow();
        assertThat(component.holds()).isFalse();
        assertThat(component.reason()).isEqualTo(CertificatesStatus.REASON_NOT_READY);
        assertThat(component.message())
                .isEqualTo("host *.example.com: Certificate shop-wildcard.example.com is not ready:"
                        + " Failed: Issuer internal-ca not found");
    }

    @Test
    void aCertificateNotCreatedOrWithoutAReadyConditionOfItsGenerationIsNotReady() {
        Map<String, Certificate> stored = stored(ready("True", "Ready", "issued"));
        stored.remove("shop.example.com");
        Certificate wildcard = stored.get("*.example.com");
        wildcard.getMetadata().setGeneration(2L);
        ComponentStatus component = CertificatesStatus.of(SHOP, stored, true).orElseThrow();
        assertThat(component.reason()).isEqualTo(CertificatesStatus.REASON_NOT_READY);
        assertThat(component.message())
                .contains("host shop.example.com: Certificate shop-shop.example.com is not created yet")
                .contains("host *.example.com: Certificate shop-wildcard.example.com has no Ready condition");
    }

    @Test
    void withoutCertManagerTheComponentSaysSoAndNamesTheHosts() {
        ComponentStatus component = CertificatesStatus.of(SHOP, Map.of(), false).orElseThrow();
        assertThat(component.holds()).isFalse();
        assertThat(component.reason()).isEqualTo(CertificatesStatus.REASON_NOT_INSTALLED);
        assertThat(component.message())
                .contains("cert-manager is not installed")
                .contains("shop.example.com, *.example.com")
                .contains("the rest of the stack is reconciled");
    }

    /** The desired Certificates as cert-manager would have stored them, each with the given condition of generation 1. */
    private static Map<String, Certificate> stored(Condition condition) {
        Map<String, Certificate> stored = new java.util.LinkedHashMap<>(Certificates.desired(SHOP));
        stored.values().forEach(c -> {
            c.getMetadata().setGeneration(1L);
            c.setStatus(new CertificateStatus(List.of(condition), null));
        });
        return stored;
    }

    private static Condition ready(String status, String reason, String message) {
        return new ConditionBuilder()
                .withType("Ready")
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(1L)
                .build();
    }
}
