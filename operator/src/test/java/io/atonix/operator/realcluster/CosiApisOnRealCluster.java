package io.atonix.operator.realcluster;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real CRDs of COSI v0.1.0, objectstorage.k8s.io/v1alpha1 (crds/ of its API Go module), for one test class
 * ({@link ClassCrds}), as its kustomization installs them: with its common annotations, among them the
 * api-approved.kubernetes.io that the API server requires of a *.k8s.io group.
 */
public final class CosiApisOnRealCluster {
    public static final String COSI = "sigs.k8s.io/container-object-storage-interface-api@v0.1.0";

    private CosiApisOnRealCluster() {}

    /** Installs COSI's CRDs and waits until the API server serves their kinds; the cluster must have none. */
    public static ClassCrds install(KubernetesClient admin) {
        Path module = TestPrograms.goModule(COSI);
        List<CustomResourceDefinition> crds = ClassCrds.inDirectory(admin, module.resolve("crds"));
        Map<String, String> annotations = commonAnnotations(module.resolve("kustomization.yaml"));
        crds.forEach(crd -> {
            // As kustomize does: the common annotations over the file's own.
            Map<String, String> merged = new TreeMap<>();
            if (crd.getMetadata().getAnnotations() != null) {
                merged.putAll(crd.getMetadata().getAnnotations());
            }
            merged.putAll(annotations);
            crd.getMetadata().setAnnotations(merged);
        });
        return ClassCrds.install(admin, "COSI's", crds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> commonAnnotations(Path kustomization) {
        try {
            Map<String, Object> parsed =
                    new KubernetesSerialization().unmarshal(Files.readString(kustomization), Map.class);
            return (Map<String, String>) parsed.get("commonAnnotations");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kustomization, e);
        }
    }
}
