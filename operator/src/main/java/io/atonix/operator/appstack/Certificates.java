package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.IssuerReference;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.edge.Certificate;
import io.atonix.operator.edge.CertificateSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cert-manager Certificate per host whose TLS names an issuer: for the host alone, written to the Secret the
 * host's Ingress or Gateway listener already reads ({@link Ingresses#tlsSecret}), owned by the stack.
 */
public final class Certificates {
    /** The Certificates' {@code app.kubernetes.io/name} label, which tells them from the stack's other objects. */
    public static final String NAME_LABEL = "certificate";

    private Certificates() {}

    /** The stack's Certificates, keyed by host, in the order of spec.hosts. */
    public static Map<String, Certificate> desired(AppStack stack) {
        Map<String, Certificate> certificates = new LinkedHashMap<>();
        for (HostSpec host : stack.getSpec().hosts()) {
            if (host.https() && host.tls().fromIssuer()) {
                certificates.put(host.name(), certificate(stack, host));
            }
        }
        return certificates;
    }

    private static Certificate certificate(AppStack stack, HostSpec host) {
        String name = stack.getMetadata().getName();
        IssuerReference issuer = host.tls().issuerRef();
        Certificate certificate = new Certificate();
        certificate.setMetadata(new ObjectMetaBuilder()
                .withName(Names.certificate(name, host.name()))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(Labels.forStack(name, NAME_LABEL, "edge"))
                .withOwnerReferences(Owners.controller(stack))
                .build());
        certificate.setSpec(new CertificateSpec(
                Ingresses.tlsSecret(name, host),
                List.of(host.name()),
                new CertificateSpec.IssuerRef(
                        issuer.name(), issuer.kindOrDefault().name(), Certificate.GROUP)));
        return StackObjects.finish(certificate);
    }

    /** The host a Certificate of the stack is for: its one DNS name. */
    static String host(Certificate certificate) {
        List<String> names =
                certificate.getSpec() == null ? null : certificate.getSpec().dnsNames();
        return names == null || names.isEmpty() ? null : names.get(0);
    }
}
