package io.atonix.operator.dataplane;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.atonix.operator.realcluster.ChartIdentity;
import io.atonix.operator.realcluster.LocalControlPlane;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * The operator's chart installed by real Helm as a platform team installs it, then upgraded to another chart in place
 * ({@code helm upgrade}). Its Deployment only runs on kwok's node: the operator itself runs as a process with a token of
 * the release's ServiceAccount, under the release's RBAC.
 */
final class OperatorRelease implements AutoCloseable {
    static final String NAME = "upgrade";
    static final String NAMESPACE = "atonix-upgrade";

    private final LocalControlPlane plane;
    private final KubernetesClient admin;

    private OperatorRelease(LocalControlPlane plane, KubernetesClient admin) {
        this.plane = plane;
        this.admin = admin;
    }

    /** {@code helm install} of the chart in {@code chart}, its CRDs left alone when the cluster has them. */
    static OperatorRelease install(LocalControlPlane plane, KubernetesClient admin, Path chart) {
        new Helm(chart)
                .install()
                .withName(NAME)
                .withNamespace(NAMESPACE)
                .createNamespace()
                .withKubeConfig(plane.kubeconfig("admin"))
                .call();
        return new OperatorRelease(plane, admin);
    }

    /** {@code helm upgrade} to the chart in {@code chart} with the release's values; Helm never upgrades CRDs. */
    Release upgrade(Path chart) {
        return new Helm(chart)
                .upgrade()
                .withName(NAME)
                .withNamespace(NAMESPACE)
                .withKubeConfig(plane.kubeconfig("admin"))
                .call();
    }

    /** A token of the ServiceAccount the release's Deployment runs as, as a pod of it would get one. */
    ChartIdentity identity(String name) throws Exception {
        Deployment deployment = admin.apps().deployments().inNamespace(NAMESPACE).list().getItems().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the release " + NAME + " has no Deployment"));
        String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        return ChartIdentity.ofRelease(plane, NAMESPACE, account, name);
    }

    @Override
    public void close() {
        Helm.uninstall(NAME)
                .withNamespace(NAMESPACE)
                .withKubeConfig(plane.kubeconfig("admin"))
                .call();
        admin.namespaces().withName(NAMESPACE).delete();
    }
}
