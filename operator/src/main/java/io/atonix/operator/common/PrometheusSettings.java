package io.atonix.operator.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's Prometheus as KEDA's Prometheus scaler asks it, set once by the platform team: the address a trigger
 * without its own serverAddress uses, and the ClusterTriggerAuthentication (with KEDA's authModes) every Prometheus
 * trigger then references. The credentials stay in that cluster-wide object, which the application teams never read.
 *
 * @param serverAddress the default server address; null leaves every trigger to name its own
 * @param authentication the ClusterTriggerAuthentication's name; null asks Prometheus without credentials
 * @param authModes KEDA's authModes of that authentication: bearer or basic, and tls, in KEDA's order
 */
public record PrometheusSettings(String serverAddress, String authentication, List<String> authModes) {
    private static final Set<String> MODES = Set.of("bearer", "basic", "tls");

    public PrometheusSettings {
        serverAddress = blankToNull(serverAddress);
        authentication = blankToNull(authentication);
        authModes = List.copyOf(authModes == null ? List.of() : authModes);
        if (serverAddress != null && !serverAddress.matches("^https?://\\S+$")) {
            throw new IllegalArgumentException(
                    "the platform's Prometheus address (atonix.keda.prometheus.server-address)"
                            + " is an http or https URL, not '" + serverAddress + "'");
        }
        if (authentication == null && !authModes.isEmpty()) {
            throw new IllegalArgumentException(
                    "KEDA's authModes " + authModes + " need the ClusterTriggerAuthentication"
                            + " that holds the credentials (atonix.keda.prometheus.authentication-name)");
        }
        if (authentication != null && authModes.isEmpty()) {
            throw new IllegalArgumentException("the ClusterTriggerAuthentication " + authentication + " needs KEDA's"
                    + " authModes it provides: bearer or basic, and/or tls (atonix.keda.prometheus.auth-modes)");
        }
        for (String mode : authModes) {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("KEDA's Prometheus authModes are bearer, basic and tls, not '" + mode
                        + "' (atonix.keda.prometheus.auth-modes)");
            }
        }
        if (authModes.contains("bearer") && authModes.contains("basic")) {
            throw new IllegalArgumentException(
                    "KEDA takes one of bearer and basic, not both (atonix.keda.prometheus.auth-modes)");
        }
    }

    /** No platform Prometheus: each trigger names its server and asks it without credentials. */
    public static PrometheusSettings none() {
        return new PrometheusSettings(null, null, List.of());
    }

    /** {@code bearer}, {@code tls,basic}: the comma-separated list KEDA's authModes metadata also takes. */
    public static List<String> modes(String text) {
        List<String> modes = new ArrayList<>();
        for (String mode : (text == null ? "" : text).split(",")) {
            if (!mode.isBlank()) {
                modes.add(mode.strip().toLowerCase(Locale.ROOT));
            }
        }
        return modes;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
