package io.atonix.operator.realcluster;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes control plane on 127.0.0.1: etcd, kube-apiserver, kube-controller-manager, kube-scheduler and
 * kwok (simulated nodes whose pods become Running and Ready), from the binaries tools/kube-testbin/build.sh makes.
 * Clients authenticate with certificates of a private CA; the API server writes an audit log of every request.
 */
public final class LocalControlPlane implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    public static final String KEY_STORE_PASSWORD = "atonix-test";

    private final Path bin;
    private final Path work;
    private final Path pki;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final int etcdPort = freePort();
    private final int etcdPeerPort = freePort();
    private final int apiServerPort = freePort();
    private final int controllerManagerPort = freePort();
    private final int schedulerPort = freePort();
    private final int kwokPort = freePort();

    private LocalControlPlane(Path bin, Path work) {
        this.bin = bin;
        this.work = work;
        this.pki = work.resolve("pki");
    }

    public static LocalControlPlane start(Path bin, Path work) throws Exception {
        LocalControlPlane plane = new LocalControlPlane(bin, work);
        try {
            plane.boot();
        } catch (Exception | AssertionError e) {
            plane.close();
            throw e;
        }
        return plane;
    }

    private void boot() throws Exception {
        Files.createDirectories(pki);
        writePki();
        for (String user : List.of("admin", "kube-controller-manager", "kube-scheduler")) {
            writeKubeconfig(user);
        }
        Files.writeString(work.resolve("audit-policy.yaml"), """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: ["RequestReceived"]
                rules:
                  - level: Metadata
                """);

        launch(
                "etcd",
                List.of(
                        bin.resolve("etcd").toString(),
                        "--name=atonix-test",
                        "--data-dir=" + work.resolve("etcd"),
                        "--listen-client-urls=http://127.0.0.1:" + etcdPort,
                        "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
                        "--listen-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                        "--initial-advertise-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                        "--initial-cluster=atonix-test=http://127.0.0.1:" + etcdPeerPort,
                        "--listen-metrics-urls=http://127.0.0.1:" + freePort(),
                        "--unsafe-no-fsync=true",
                        "--log-level=warn"));
        waitFor(
                "etcd",
                () -> get("http://127.0.0.1:" + etcdPort + "/health", false).contains("\"health\":\"true\""));
        startApiServer();
        launch(
                "kube-controller-manager",
                List.of(
                        bin.resolve("kube-controller-manager").toString(),
                        "--kubeconfig=" + work.resolve("kube-controller-manager.kubeconfig"),
                        "--bind-address=127.0.0.1",
                        "--secure-port=" + controllerManagerPort,
                        "--leader-elect=false",
                        "--controllers=*",
                        "--use-service-account-credentials=true",
                        // The node lifecycle controller taints a node whose lease it has not seen renewed for this
                        // long. kwok
                        // renews every 10 s, but not while the API server is down: a restart (restartApiServer) that
                        // takes
                        // longer than the default 50 s on a busy machine left kwok-node-0 tainted unreachable, and
                        // every later
                        // pod of the run unschedulable.
                        "--node-monitor-grace-period=3m",
                        "--service-account-private-key-file=" + pki.resolve("sa.key"),
                        "--root-ca-file=" + pki.resolve("ca.crt"),
                        "--cluster-signing-cert-file=" + pki.resolve("ca.crt"),
                        "--cluster-signing-key-file=" + pki.resolve("ca.key"),
                        "--flex-volume-plugin-dir=" + work.resolve("flexvolume")));
        launch(
                "kube-scheduler",
                List.of(
                        bin.resolve("kube-scheduler").toString(),
                        "--kubeconfig=" + work.resolve("kube-scheduler.kubeconfig"),
                        "--bind-address=127.0.0.1",
                        "--secure-port=" + schedulerPort,
                        "--leader-elect=false"));
        List<String> kwok = new ArrayList<>(List.of(
                bin.resolve("kwok").toString(),
                "--kubeconfig=" + work.resolve("admin.kubeconfig"),
                "--config=" + bin.resolve("kwok-stages.yaml")));
        if (Files.exists(bin.resolve("kwok-volume-stages.yaml"))) {
            kwok.add("--config=" + bin.resolve("kwok-volume-stages.yaml"));
        }
        kwok.addAll(List.of(
                // Only its own nodes: the data plane's node agent plays the kubelet of atonix-data-0.
                "--manage-nodes-with-label-selector=type=kwok",
                "--server-address=127.0.0.1:" + kwokPort,
                "--node-ip=127.0.0.1",
                "--cidr=10.244.0.0/16",
                "--node-lease-duration-seconds=40"));
        launch("kwok", kwok);
        waitFor(
                "kube-controller-manager",
                () -> get("https://127.0.0.1:" + controllerManagerPort + "/healthz", true)
                        .equals("ok"));
        waitFor(
                "kube-scheduler",
                () -> get("https://127.0.0.1:" + schedulerPort + "/healthz", true)
                        .equals("ok"));
        waitFor(
                "kwok",
                () -> get("http://127.0.0.1:" + kwokPort + "/healthz", false).contains("ok"));
        try (KubernetesClient admin = adminClient()) {
            admin.nodes()
                    .resource(new NodeBuilder()
                            .withNewMetadata()
                            .withName("kwok-node-0")
                            .addToAnnotations("kwok.x-k8s.io/node", "fake")
                            .addToLabels("type", "kwok")
                            .addToLabels("kubernetes.io/hostname", "kwok-node-0")
                            .addToLabels("kubernetes.io/os", "linux")
                            .addToLabels("kubernetes.io/arch", "amd64")
                            .endMetadata()
                            // Pods: room for ApiFaultsIT's stacks (three pods each) next to what other classes run.
                            .withNewStatus()
                            .addToAllocatable("cpu", new Quantity("32"))
                            .addToAllocatable("memory", new Quantity("256Gi"))
                            .addToAllocatable("pods", new Quantity("400"))
                            .addToCapacity("cpu", new Quantity("32"))
                            .addToCapacity("memory", new Quantity("256Gi"))
                            .addToCapacity("pods", new Quantity("400"))
                            .endStatus()
                            .build())
                    .create();
            waitFor(
                    "a Ready kwok node",
                    () -> admin.nodes().withName("kwok-node-0").get().getStatus().getConditions().stream()
                            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
            waitFor(
                    "the default ServiceAccount",
                    () -> admin.serviceAccounts()
                                    .inNamespace("default")
                                    .withName("default")
                                    .get()
                            != null);
            // kwok's simulated volumes, as the default StorageClass: volume claims become Bound without a real disk.
            Path storageClass = bin.resolve("kwok-volume-storageclass.yaml");
            if (Files.exists(storageClass)) {
                try (var in = Files.newInputStream(storageClass)) {
                    admin.load(in).create();
                }
            }
        }
    }

    private void startApiServer() throws Exception {
        launch(
                "kube-apiserver",
                List.of(
                        bin.resolve("kube-apiserver").toString(),
                        "--etcd-servers=http://127.0.0.1:" + etcdPort,
                        "--bind-address=127.0.0.1",
                        "--advertise-address=127.0.0.1",
                        "--secure-port=" + apiServerPort,
                        "--tls-cert-file=" + pki.resolve("apiserver.crt"),
                        "--tls-private-key-file=" + pki.resolve("apiserver.key"),
                        "--client-ca-file=" + pki.resolve("ca.crt"),
                        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                        "--service-account-key-file=" + pki.resolve("sa.pub"),
                        "--service-account-signing-key-file=" + pki.resolve("sa.key"),
                        "--service-cluster-ip-range=10.96.0.0/16",
                        "--authorization-mode=RBAC",
                        "--allow-privileged=true",
                        // A namespace's scheduler.alpha.kubernetes.io/node-selector and defaultTolerations
                        // annotations bind its pods to the data plane's tainted node (see DataPlane); namespaces
                        // without them are untouched.
                        "--enable-admission-plugins=PodNodeSelector,PodTolerationRestriction",
                        "--endpoint-reconciler-type=none",
                        "--audit-policy-file=" + work.resolve("audit-policy.yaml"),
                        "--audit-log-path=" + auditLog(),
                        // AuditLog reads from a line number: the file must never be rotated, which it is at 100 MB
                        // when this is 0 (the default), and a long run of the tier writes more than that.
                        "--audit-log-maxsize=1000000",
                        "--audit-log-mode=blocking"));
        waitFor(
                "kube-apiserver",
                () -> get("https://127.0.0.1:" + apiServerPort + "/readyz", true)
                        .equals("ok"));
    }

    /**
     * Stops the API server and starts it again on the same port, with the same data, and waits until the kwok node is
     * Ready and untainted again, so that no later test inherits a node the restart made unschedulable.
     */
    public void restartApiServer(Duration down) throws Exception {
        Process apiServer = processes.remove("kube-apiserver");
        apiServer.destroy();
        apiServer.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(down.toMillis());
        startApiServer();
        try (KubernetesClient admin = adminClient()) {
            waitFor("a Ready kwok node without taints after the API server restart", () -> {
                var node = admin.nodes().withName("kwok-node-0").get();
                return (node.getSpec().getTaints() == null
                                || node.getSpec().getTaints().isEmpty())
                        && node.getStatus().getConditions().stream()
                                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            });
        }
    }

    public KubernetesClient adminClient() {
        return new KubernetesClientBuilder().withConfig(config("admin")).build();
    }

    public Config config(String user) {
        return new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:" + apiServerPort)
                .withCaCertFile(pki.resolve("ca.crt").toString())
                .withClientCertFile(pki.resolve(user + ".crt").toString())
                .withClientKeyFile(pki.resolve(user + ".key").toString())
                .withClientKeyAlgo("RSA")
                .withRequestTimeout(30_000)
                .build();
    }

    public Path kubeconfig(String user) {
        return work.resolve(user + ".kubeconfig");
    }

    /** A kubeconfig that authenticates with a bearer token, such as a ServiceAccount's from a TokenRequest. */
    public Path kubeconfigWithToken(String name, String token) throws IOException {
        return kubeconfigWithToken(name, token, apiServerPort);
    }

    /**
     * A kubeconfig with a bearer token for a server on 127.0.0.1 at this port that serves the API server's certificate
     * ({@link #servingKeyStore()}): a proxy in front of the API server (FaultyApiServer).
     */
    public Path kubeconfigWithToken(String name, String token, int port) throws IOException {
        Path file = work.resolve(name + ".kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: atonix-test
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: atonix-test
                  context: {cluster: atonix-test, user: %s}
                current-context: atonix-test
                """.formatted(port, pki.resolve("ca.crt"), name, token, name));
        return file;
    }

    /** Where the API server listens, on 127.0.0.1. */
    public int apiServerPort() {
        return apiServerPort;
    }

    /**
     * The API server's certificate and key (valid for 127.0.0.1, signed by the cluster's CA) as a PKCS#12 store with
     * the password {@value #KEY_STORE_PASSWORD}, for a server that stands in front of it and that clients of the
     * cluster's CA then trust.
     */
    public Path servingKeyStore() throws IOException, InterruptedException {
        Path store = pki.resolve("apiserver.p12");
        if (!Files.exists(store)) {
            openssl(
                    "pkcs12",
                    "-export",
                    "-in",
                    "apiserver.crt",
                    "-inkey",
                    "apiserver.key",
                    "-out",
                    "apiserver.p12",
                    "-passout",
                    "pass:" + KEY_STORE_PASSWORD);
        }
        return store;
    }

    public Path auditLog() {
        return work.resolve("audit.log");
    }

    public Path work() {
        return work;
    }

    public String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bin.resolve("kube-apiserver").toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out;
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process process = processes.get(name);
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private void launch(String name, List<String> command) throws IOException {
        commands.put(name, command);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve(name + ".log").toFile()))
                .start();
        processes.put(name, process);
    }

    private void waitFor(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            for (Map.Entry<String, Process> process : processes.entrySet()) {
                if (!process.getValue().isAlive()) {
                    throw new IllegalStateException(process.getKey() + " exited while waiting for " + what + "; see "
                            + work.resolve(process.getKey() + ".log") + ":\n"
                            + tail(work.resolve(process.getKey() + ".log")));
                }
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("timed out waiting for " + what + (last == null ? "" : ": " + last));
    }

    private String get(String url, boolean tls) throws Exception {
        HttpClient client = tls ? LoopbackTls.client() : HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().trim();
    }

    private void writePki() throws IOException, InterruptedException {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "3650",
                "-subj",
                "/CN=atonix-test-ca");
        sign(
                "apiserver",
                "/CN=kube-apiserver",
                "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                        + "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,"
                        + "DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1\n");
        String client = "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n";
        sign("admin", "/O=system:masters/CN=atonix-admin", client);
        sign("kube-controller-manager", "/CN=system:kube-controller-manager", client);
        sign("kube-scheduler", "/CN=system:kube-scheduler", client);
        openssl("genrsa", "-out", "sa.key", "2048");
        openssl("rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub");
    }

    private void sign(String name, String subject, String extensions) throws IOException, InterruptedException {
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                subject);
        Files.writeString(pki.resolve(name + ".ext"), extensions);
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "3650",
                "-out",
                name + ".crt",
                "-extfile",
                name + ".ext");
        // RSA keys in the traditional PEM form, which every client reads.
        openssl("rsa", "-in", name + ".key", "-out", name + ".key", "-traditional");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(pki.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private void writeKubeconfig(String user) throws IOException {
        Files.writeString(kubeconfig(user), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: atonix-test
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                    client-certificate: %s
                    client-key: %s
                contexts:
                - name: atonix-test
                  context: {cluster: atonix-test, user: %s}
                current-context: atonix-test
                """.formatted(
                        apiServerPort,
                        pki.resolve("ca.crt"),
                        user,
                        pki.resolve(user + ".crt"),
                        pki.resolve(user + ".key"),
                        user));
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }
}
