package io.atonix.operator.realcluster;

import io.atonix.operator.dataplane.DataPlane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator as it ships, the packaged Quarkus application, run as a process of its own against the real
 * control plane, by default with the chart's ServiceAccount and rights ({@link ChartIdentity}). Such a process, when
 * closed, fails if the API server refused it anything since it started: a right the chart lacks fails the test that
 * needed it.
 */
public final class OperatorProcess implements AutoCloseable {
    /** The operator this checkout packaged. */
    private static final Path HEAD =
            Path.of(System.getProperty("atonix.operator.jar", "target/quarkus-app/quarkus-run.jar"));

    private final String name;
    private final Path kubeconfig;
    private final Map<String, String> environment;
    private final int port = LocalControlPlane.freePort();
    private final Path log;
    private final Path hostsFile;
    private final AuditLog audit;
    private final long auditStart;
    /** The user whose refused requests close() reports; null when the caller checks the audit log itself. */
    private final String user;

    private final Path jar;

    private Process process;
    private boolean checked;

    private OperatorProcess(
            LocalControlPlane plane,
            String name,
            Path kubeconfig,
            Map<String, String> environment,
            String user,
            Path jar)
            throws IOException {
        this.name = name;
        this.jar = jar;
        this.kubeconfig = kubeconfig;
        this.environment = environment;
        this.log = plane.work().resolve("operator-" + name + ".log");
        this.hostsFile = DataPlane.hostsFile(plane);
        this.audit = new AuditLog(plane.auditLog());
        this.auditStart = audit.mark();
        this.user = user;
    }

    /** The operator with the chart's identity and its default settings (no leader election). */
    public static OperatorProcess start(LocalControlPlane plane, String name) throws Exception {
        return start(plane, name, ChartIdentity.of(plane), Map.of());
    }

    /** The operator with this token of the chart's ServiceAccount and more environment variables (its settings). */
    public static OperatorProcess start(
            LocalControlPlane plane, String name, ChartIdentity identity, Map<String, String> environment)
            throws Exception {
        return start(plane, name, identity, environment, HEAD);
    }

    /** Another build of the operator (its quarkus-run.jar): the previous release, in UpgradeIT. */
    public static OperatorProcess start(
            LocalControlPlane plane, String name, ChartIdentity identity, Map<String, String> environment, Path jar)
            throws Exception {
        OperatorProcess operator =
                new OperatorProcess(plane, name, identity.kubeconfig(), environment, identity.username(), jar);
        operator.launch();
        return operator;
    }

    /**
     * The operator with another kubeconfig (another identity) and more environment variables (its settings); the
     * caller checks the audit log for what the server refused it (ChartOnRealClusterIT, where a confined operator is
     * refused one cluster-wide read by design).
     */
    public static OperatorProcess start(
            LocalControlPlane plane, String name, Path kubeconfig, Map<String, String> environment) throws Exception {
        OperatorProcess operator = new OperatorProcess(plane, name, kubeconfig, environment, null, HEAD);
        operator.launch();
        return operator;
    }

    /** The user name the operator's requests carry in the audit log. */
    public String user() {
        if (user == null) {
            throw new IllegalStateException("the operator " + name + " runs with a kubeconfig of its caller");
        }
        return user;
    }

    private void launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        // Cluster DNS for the pods the data plane runs: <service>.<namespace>.svc names their
                        // loopback addresses in this file, which the JDK then reads instead of asking the resolver.
                        "-Djdk.net.hosts.file=" + hostsFile,
                        "-jar",
                        jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // The reconciler logs each finished reconcile at debug level; the tests count those lines.
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_ATONIX__LEVEL", "DEBUG");
        builder.environment().putAll(environment);
        process = builder.start();
        try {
            awaitReady();
        } catch (Exception | Error e) {
            // Nobody else holds this process: a caller whose start failed has nothing to close.
            process.destroyForcibly();
            throw e;
        }
    }

    private void awaitReady() throws Exception {
        // A JVM start on a busy 2-core machine.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited; its log:\n" + LocalControlPlane.tail(log));
            }
            try {
                if (http("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the operator did not become ready; its log:\n" + LocalControlPlane.tail(log));
    }

    /** How many reconciles of the stack have finished, from the operator's log. */
    public long reconciliationsOf(String namespace, String name) throws IOException {
        return reconciliationsOf("AppStack", namespace, name);
    }

    /** How many reconciles of the resource of this kind (AppStack, Redis) the operator has logged as finished. */
    public long reconciliationsOf(String kind, String namespace, String name) throws IOException {
        String line = "reconciled " + kind + " " + namespace + "/" + name + " ";
        try (var lines = java.nio.file.Files.lines(log)) {
            return lines.filter(l -> l.contains(line)).count();
        }
    }

    /** The file that holds everything the operator printed, with the DEBUG lines of io.atonix. */
    public Path logFile() {
        return log;
    }

    /** What the operator's metrics endpoint serves, as Prometheus would scrape it. */
    public String metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = http("/q/metrics");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/q/metrics answered " + response.statusCode());
        }
        return response.body();
    }

    /** Kills the process at once, as a node failure or an OOM kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops the process, then fails with every request the API server's RBAC refused it since it started. Killed or
     * cut off by an API server restart, an operator is refused nothing: those show as errors of its own, never 403.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (user != null && !checked) {
            checked = true;
            List<String> refused = audit.refusedByRbac(user, auditStart);
            if (!refused.isEmpty()) {
                throw new AssertionError("the API server refused the operator " + name + " (" + user
                        + ", the chart's RBAC) these requests: " + refused);
            }
        }
    }

    private HttpResponse<String> http(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
