package io.atonix.benchmark.server;

import io.atonix.benchmark.requests.AuditLogTail;
import io.atonix.benchmark.requests.Caller;
import io.atonix.benchmark.requests.RequestLog;
import io.atonix.operator.realcluster.ChartIdentity;
import io.atonix.operator.realcluster.LocalControlPlane;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/**
 * The real control plane of the operator's test tier (kube-apiserver, etcd, controller manager, scheduler, kwok),
 * from the binaries in KUBE_TESTBIN_DIR. Requests are counted from the API server's audit log.
 */
public final class RealApiServer implements ApiServer {
    private final LocalControlPlane plane;
    private final RequestLog log = new RequestLog();
    private final AuditLogTail tail;
    private final String version;
    /** The operator runs as the chart's ServiceAccount with the chart's rights, as in a user's cluster. */
    private final ChartIdentity operator;

    private RealApiServer(LocalControlPlane plane) throws Exception {
        this.plane = plane;
        this.operator = ChartIdentity.of(plane);
        this.tail = new AuditLogTail(plane.auditLog(), operator.username(), log);
        this.version = plane.version();
    }

    public static RealApiServer start(Path binaries, Path work) throws Exception {
        LocalControlPlane plane = LocalControlPlane.start(binaries, work.toAbsolutePath());
        try (KubernetesClient admin = plane.adminClient()) {
            RoomyNode.add(admin);
        }
        return new RealApiServer(plane);
    }

    @Override
    public String description() {
        return describe(version);
    }

    /** Describes the control plane the binaries make, without starting it. */
    public static String describe(Path binaries) throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(binaries.resolve("kube-apiserver").toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String version = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return describe(version);
    }

    private static String describe(String version) {
        return "real control plane: " + version
                + " with etcd, controller manager, scheduler and kwok (requests from its audit log)";
    }

    @Override
    public KubernetesClient client(String purpose) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(plane.config("admin"))
                        .withUserAgent(Caller.BENCHMARK_AGENT + "-" + purpose)
                        .withRequestTimeout(60_000)
                        .build())
                .build();
    }

    @Override
    public Path operatorKubeconfig() {
        return operator.kubeconfig();
    }

    @Override
    public boolean runsControllers() {
        return true;
    }

    @Override
    public RequestLog requests() {
        return log;
    }

    @Override
    public void close() {
        try {
            tail.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        plane.close();
    }
}
