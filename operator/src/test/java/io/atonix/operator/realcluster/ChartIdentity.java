package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atonix.operator.install.RenderedChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Who the operator is on the real tier: the chart's ServiceAccount with the chart's RBAC for its default (cluster-wide)
 * values, installed once per control plane under a release and namespace of its own, so that ChartOnRealClusterIT,
 * which installs and removes release {@link RenderedChart#RELEASE} per test, never meets it. Every test that runs the
 * operator then needs no right the chart does not grant.
 */
public final class ChartIdentity {
    static final String RELEASE = "tier";
    static final String NAMESPACE = "atonix-tier";
    /** Longer than any run of the tier; the API server here caps no token's lifetime (no max expiration flag). */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private static final List<Class<? extends HasMetadata>> RBAC =
            List.of(ServiceAccount.class, ClusterRole.class, ClusterRoleBinding.class, Role.class, RoleBinding.class);
    private static LocalControlPlane installedOn;
    private static ChartIdentity installed;

    private final String username;
    private final String token;
    private final Path kubeconfig;
    private final String credentialId;

    private ChartIdentity(String username, String token, Path kubeconfig, String credentialId) {
        this.username = username;
        this.token = token;
        this.kubeconfig = kubeconfig;
        this.credentialId = credentialId;
    }

    /** The identity on this control plane, installed by the first caller. */
    public static synchronized ChartIdentity of(LocalControlPlane plane) throws Exception {
        if (installedOn != plane) {
            installed = install(plane);
            installedOn = plane;
        }
        return installed;
    }

    /**
     * The same ServiceAccount with a token of its own, as each replica of the chart's Deployment gets one: the audit
     * log tells the replicas apart by the token's credential id.
     */
    public static synchronized ChartIdentity replica(LocalControlPlane plane, String name) throws Exception {
        String username = of(plane).username;
        String account = username.substring(username.lastIndexOf(':') + 1);
        try (KubernetesClient admin = plane.adminClient()) {
            return issue(plane, admin, NAMESPACE, account, "chart-identity-" + name);
        }
    }

    /**
     * A token of the ServiceAccount {@code account} that another installation of a chart made in {@code namespace}
     * (UpgradeIT's release, installed by real Helm).
     */
    public static ChartIdentity ofRelease(LocalControlPlane plane, String namespace, String account, String name)
            throws Exception {
        try (KubernetesClient admin = plane.adminClient()) {
            return issue(plane, admin, namespace, account, name);
        }
    }

    private static ChartIdentity install(LocalControlPlane plane) throws Exception {
        RenderedChart chart = RenderedChart.render("", RELEASE, NAMESPACE);
        String account =
                chart.one(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName();
        try (KubernetesClient admin = plane.adminClient()) {
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(NAMESPACE)
                            .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                            .endMetadata()
                            .build())
                    .create();
            chart.objects().stream()
                    .filter(o -> RBAC.stream().anyMatch(kind -> kind.isInstance(o)))
                    .forEach(o -> admin.resource(o).create());
            return issue(plane, admin, NAMESPACE, account, "chart-identity");
        }
    }

    private static ChartIdentity issue(
            LocalControlPlane plane, KubernetesClient admin, String namespace, String account, String name)
            throws Exception {
        String token = admin.serviceAccounts()
                .inNamespace(namespace)
                .withName(account)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(TOKEN_LIFETIME.toSeconds())
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        return new ChartIdentity(
                "system:serviceaccount:" + namespace + ":" + account,
                token,
                plane.kubeconfigWithToken(name, token),
                "JTI=" + claims(token).path("jti").asText());
    }

    /** The claims of a JSON Web Token, its middle part. */
    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }

    /** The user name the API server knows the operator by, as the audit log records it. */
    public String username() {
        return username;
    }

    /** The bearer token, for a kubeconfig that reaches the API server another way (through FaultyApiServer). */
    public String token() {
        return token;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** What the audit log records of this token ({@code user.extra["authentication.kubernetes.io/credential-id"]}). */
    public String credentialId() {
        return credentialId;
    }
}
