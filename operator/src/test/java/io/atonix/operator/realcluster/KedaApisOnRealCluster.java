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
 * The real CRDs of KEDA v2.21.0 (config/crd/bases of its Go module), installed into the real control plane for one
 * test class, which removes them when it ends: a later class's operator would otherwise find KEDA.
 */
public final class KedaApisOnRealCluster implements AutoCloseable {
    public static final String KEDA = "github.com/kedacore/keda/v2@v2.21.0";

    private final KubernetesClient admin;
    private final List<CustomResourceDefinition> crds = new ArrayList<>();

    private KedaApisOnRealCluster(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Installs KEDA's CRDs and waits until the API server serves their kinds; the cluster must have none. */
    public static KedaApisOnRealCluster install(KubernetesClient admin) {
        KedaApisOnRealCluster apis = new KedaApisOnRealCluster(admin);
        Path directory = TestPrograms.goModule(KEDA).resolve("config/crd/bases");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yaml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (HasMetadata object : admin.load(in).items()) {
                        if (object instanceof CustomResourceDefinition crd) {
                            apis.crds.add(crd);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KEDA's CRDs in " + directory, e);
        }
        if (apis.crds.isEmpty()) {
            throw new AssertionError("no CustomResourceDefinition in " + directory);
        }
        for (CustomResourceDefinition crd : apis.crds) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
        for (CustomResourceDefinition crd : apis.crds) {
            RealCluster.awaitEstablished(admin, crd.getMetadata().getName());
        }
        return apis;
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
        await("KEDA's CRDs to be gone")
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
