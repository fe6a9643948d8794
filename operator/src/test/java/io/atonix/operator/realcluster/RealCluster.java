package io.atonix.operator.realcluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real control plane for all tests of the tier in this JVM, and installs the CRDs from crds/.
 *
 * <p>The binaries come from {@code KUBE_TESTBIN_DIR} (written by tools/kube-testbin/build.sh). Without them the tier
 * is skipped with a loud message, unless {@code ATONIX_REAL_CLUSTER=required} (CI), where it fails.
 */
public class RealCluster implements BeforeAllCallback {
    private static final String BANNER = "\n"
            + "*****************************************************************************************\n"
            + "*  The real control-plane tests did NOT run: %s\n"
            + "*  Build the binaries with tools/kube-testbin/build.sh and export KUBE_TESTBIN_DIR=<its last line>.\n"
            + "*****************************************************************************************\n";
    private static LocalControlPlane plane;
    private static String failure;

    public static LocalControlPlane plane() {
        return plane;
    }

    public static Path repositoryRoot() {
        return Path.of(System.getProperty("atonix.repository.root", ".."));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (plane != null) {
            return;
        }
        if (failure != null) {
            Assertions.fail(failure);
        }
        String dir = System.getenv("KUBE_TESTBIN_DIR");
        boolean required = "required".equals(System.getenv("ATONIX_REAL_CLUSTER"));
        if (dir == null || !Files.isExecutable(Path.of(dir, "kube-apiserver"))) {
            String reason = dir == null ? "KUBE_TESTBIN_DIR is not set" : "no kube-apiserver in " + dir;
            System.err.printf(BANNER, reason);
            if (required) {
                failure = "ATONIX_REAL_CLUSTER=required but " + reason;
                Assertions.fail(failure);
            }
            Assumptions.abort("real control plane not available: " + reason);
        }
        Path work = Path.of(
                "target", "real-cluster", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS")));
        Files.createDirectories(work);
        try {
            plane = LocalControlPlane.start(Path.of(dir), work.toAbsolutePath());
        } catch (Exception e) {
            failure = "the control plane did not start: " + e.getMessage();
            throw e;
        }
        System.out.println("Real control plane: " + plane.version() + " (logs in " + work.toAbsolutePath() + ")");
        // The root store closes it when the last test of the run has finished.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RealCluster.class.getName(), plane);
        try (KubernetesClient admin = plane.adminClient()) {
            installCrds(admin);
        }
    }

    private static void installCrds(KubernetesClient admin) throws Exception {
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(repositoryRoot().resolve("crds"), "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd =
                            admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    admin.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .resource(crd)
                            .create();
                    awaitEstablished(admin, crd.getMetadata().getName());
                }
            }
        }
    }

    /**
     * Applies the CRDs of a directory (server-side, taking their fields over), as a platform team applies a release's
     * CRDs before it upgrades the chart, and waits until the server serves them.
     */
    public static void applyCrds(KubernetesClient admin, Path directory) throws Exception {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd =
                            admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    admin.resource(crd)
                            .fieldManager("atonix-release")
                            .forceConflicts()
                            .serverSideApply();
                    awaitEstablished(admin, crd.getMetadata().getName());
                }
            }
        }
    }

    /** Waits until the API server serves the CRD's kind. */
    static void awaitEstablished(KubernetesClient admin, String crd) {
        admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crd)
                .waitUntilCondition(
                        c -> c.getStatus() != null
                                && c.getStatus().getConditions() != null
                                && c.getStatus().getConditions().stream()
                                        .anyMatch(
                                                k -> "Established".equals(k.getType()) && "True".equals(k.getStatus())),
                        Duration.ofSeconds(60).toMillis(),
                        TimeUnit.MILLISECONDS);
    }
}
