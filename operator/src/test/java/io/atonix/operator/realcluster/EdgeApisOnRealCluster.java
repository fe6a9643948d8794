package io.atonix.operator.realcluster;

import static org.awaitility.Awaitility.await;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real CRDs of cert-manager v1.21.2 (deploy/crds of its Go module) and of the Gateway API v1.6.3's standard channel
 * (config/crd/standard of its Go module), installed into the real control plane for one test class whose cert-manager
 * and Gateway controller are then played. The class removes them when it ends: the classes of a run share the cluster,
 * and the operator of a later class would otherwise find cert-manager and the Gateway API.
 */
public final class EdgeApisOnRealCluster implements AutoCloseable {
    public static final String CERT_MANAGER = "github.com/cert-manager/cert-manager@v1.21.2";
    public static final String GATEWAY_API = "sigs.k8s.io/gateway-api@v1.6.3";

    private final KubernetesClient admin;
    private final List<CustomResourceDefinition> crds = new ArrayList<>();

    private EdgeApisOnRealCluster(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Installs both projects' CRDs and waits until the API server serves their kinds; the cluster must have none. */
    public static EdgeApisOnRealCluster install(KubernetesClient admin) {
        EdgeApisOnRealCluster apis = new EdgeApisOnRealCluster(admin);
        apis.crds.addAll(crds(admin, TestPrograms.goModule(CERT_MANAGER).resolve("deploy/crds")));
        apis.crds.addAll(crds(admin, TestPrograms.goModule(GATEWAY_API).resolve("config/crd/standard")));
        for (CustomResourceDefinition crd : apis.crds) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
        for (CustomResourceDefinition crd : apis.crds) {
            RealCluster.awaitEstablished(admin, crd.getMetadata().getName());
        }
        return apis;
    }

    /** The CustomResourceDefinitions among the YAML files of a directory (the Gateway API's also holds a policy). */
    private static List<CustomResourceDefinition> crds(KubernetesClient admin, Path directory) {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yaml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (HasMetadata object : admin.load(in).items()) {
                        if (object instanceof CustomResourceDefinition crd) {
                            crds.add(crd);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + directory, e);
        }
        if (crds.isEmpty()) {
            throw new AssertionError("no CustomResourceDefinition in " + directory);
        }
        return crds;
    }

    /** Deletes the CRDs, with whatever objects of theirs are left, and waits until the server has. */
    @Override
    public void close() {
        for (CustomResourceDefinition crd : crds) {
            admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .delete();
        }
        await("cert-manager's and the Gateway API's CRDs to be gone")
                .atMost(OwnNamespaces.REMOVAL_TIMEOUT)
                .until(() -> crds.stream()
                        .allMatch(crd -> admin.apiextensions()
                                        .v1()
                                        .customResourceDefinitions()
                                        .withName(crd.getMetadata().getName())
                                        .get()
                                == null));
    }
}
