package io.atonix.operator.realcluster;

import static org.awaitility.Awaitility.await;

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
 * Another project's CRDs installed into the real control plane for one test class, which removes them when it ends:
 * the classes of a run share the cluster, and the operator of a later class would otherwise find that project (it
 * detects cert-manager, the Gateway API, KEDA and Strimzi by their CRDs) without having asked for it.
 */
public final class ClassCrds implements AutoCloseable {
    private final KubernetesClient admin;
    private final String whose;
    private final List<CustomResourceDefinition> crds;

    private ClassCrds(KubernetesClient admin, String whose, List<CustomResourceDefinition> crds) {
        this.admin = admin;
        this.whose = whose;
        this.crds = List.copyOf(crds);
    }

    /** Creates the CRDs and waits until the API server serves their kinds; the cluster must have none of them. */
    public static ClassCrds install(KubernetesClient admin, String whose, List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
        for (CustomResourceDefinition crd : crds) {
            RealCluster.awaitEstablished(admin, crd.getMetadata().getName());
        }
        return new ClassCrds(admin, whose, crds);
    }

    /** The CustomResourceDefinitions among the YAML files of a directory (some projects keep other objects there). */
    public static List<CustomResourceDefinition> inDirectory(KubernetesClient admin, Path directory) {
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
        var definitions = admin.apiextensions().v1().customResourceDefinitions();
        for (CustomResourceDefinition crd : crds) {
            definitions.withName(crd.getMetadata().getName()).delete();
        }
        await(whose + " CRDs to be gone")
                .atMost(OwnNamespaces.REMOVAL_TIMEOUT)
                .until(() -> crds.stream()
                        .allMatch(crd -> definitions
                                        .withName(crd.getMetadata().getName())
                                        .get()
                                == null));
    }
}
