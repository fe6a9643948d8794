package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.edge.Certificate;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's Certificates component, from cert-manager's own Ready condition of each Certificate the stack asks for:
 * ready when every one is, otherwise CertificateNotReady with the issuer's reason and message per host. Without
 * cert-manager the component says so; the rest of the stack is reconciled all the same.
 */
public final class CertificatesStatus {
    public static final String COMPONENT = "Certificates";
    public static final String REASON_READY = "Ready";
    public static final String REASON_NOT_READY = "CertificateNotReady";
    public static final String REASON_NOT_INSTALLED = "CertManagerNotInstalled";

    private CertificatesStatus() {}

    /**
     * @param actual the stack's stored Certificates keyed by host (empty when cert-manager is not installed)
     * @return the component, when some host's TLS names an issuer
     */
    public static Optional<ComponentStatus> of(AppStack stack, Map<String, Certificate> actual, boolean installed) {
        Map<String, Certificate> desired = Certificates.desired(stack);
        if (desired.isEmpty()) {
            return Optional.empty();
        }
        if (!installed) {
            return Optional.of(ComponentStatus.of(
                    COMPONENT,
                    null,
                    false,
                    REASON_NOT_INSTALLED,
                    "cert-manager is not installed in this cluster (the API server serves no cert-manager.io Certificate):"
                            + " the certificates of hosts " + String.join(", ", desired.keySet())
                            + " are not requested, so they are not served over HTTPS with an issued certificate;"
                            + " the rest of the stack is reconciled. Install cert-manager, or give those hosts a"
                            + " tls.secretName"));
        }
        List<String> problems = new ArrayList<>();
        desired.forEach((host, certificate) -> {
            Certificate stored = actual.get(host);
            String name = certificate.getMetadata().getName();
            if (stored == null) {
                problems.add("host " + host + ": Certificate " + name + " is not created yet");
                return;
            }
            Optional<Condition> ready = ready(stored);
            if (ready.isEmpty()) {
                problems.add(
                        "host " + host + ": Certificate " + name + " has no Ready condition from cert-manager yet");
            } else if (!"True".equals(ready.get().getStatus())) {
                problems.add("host " + host + ": Certificate " + name + " is not ready: " + said(ready.get()));
            }
        });
        if (problems.isEmpty()) {
            return Optional.of(ComponentStatus.of(
                    COMPONENT,
                    null,
                    true,
                    REASON_READY,
                    desired.size() + "/" + desired.size() + " certificates ready"));
        }
        return Optional.of(ComponentStatus.of(COMPONENT, null, false, REASON_NOT_READY, String.join("; ", problems)));
    }

    /** cert-manager's Ready condition, when it describes the Certificate's current generation. */
    private static Optional<Condition> ready(Certificate certificate) {
        if (certificate.getStatus() == null) {
            return Optional.empty();
        }
        Long generation = certificate.getMetadata().getGeneration();
        return certificate.getStatus().conditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .filter(c -> generation == null
                        || c.getObservedGeneration() == null
                        || c.getObservedGeneration() >= generation)
                .findFirst();
    }

    /** A condition's reason and message, for a person. */
    static String said(Condition condition) {
        String reason = condition.getReason() == null ? "" : condition.getReason();
        String message = condition.getMessage() == null ? "" : condition.getMessage();
        return reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message;
    }
}
