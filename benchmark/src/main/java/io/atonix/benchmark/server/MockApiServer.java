package io.atonix.benchmark.server;

import io.atonix.benchmark.requests.Caller;
import io.atonix.benchmark.requests.CountingDispatcher;
import io.atonix.benchmark.requests.RequestLog;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Version;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The fabric8 mock API server in CRUD mode, in this JVM, on 127.0.0.1 over plain HTTP. */
public final class MockApiServer implements ApiServer {
    // Held so the setting is not collected with the logger: the mock logs every request at INFO.
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    private final RequestLog log = new RequestLog();
    private final KubernetesMockServer server;
    private final Path kubeconfig;
    private final Thread drain;

    private MockApiServer(Path work) throws IOException {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                responses,
                new CountingDispatcher(new KubernetesMixedDispatcher(responses), log),
                false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        kubeconfig = work.resolve("operator.kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "http://127.0.0.1:%d"}
                users:
                - name: operator
                  user: {token: operator}
                contexts:
                - name: mock
                  context: {cluster: mock, user: operator, namespace: default}
                current-context: mock
                """.formatted(server.getPort()));
        // The mock also queues every request for takeRequest(); emptied here so a long run does not hoard them.
        drain = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            server.takeRequest();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "mock-request-drain");
        drain.setDaemon(true);
        drain.start();
    }

    public static MockApiServer start(Path work) {
        try {
            return new MockApiServer(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String DESCRIPTION =
            "fabric8 mock API server " + Version.clientVersion() + " (CRUD mode, in the benchmark's JVM)";

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public KubernetesClient client(String purpose) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getPort())
                .withNamespace("default")
                .withHttp2Disable(true)
                .withUserAgent(Caller.BENCHMARK_AGENT + "-" + purpose)
                .withRequestTimeout(60_000)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public Path operatorKubeconfig() {
        return kubeconfig;
    }

    @Override
    public RequestLog requests() {
        return log;
    }

    @Override
    public void close() {
        drain.interrupt();
        server.destroy();
    }
}
