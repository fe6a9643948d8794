package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's client as its producer builds it, against an API server that answers every request late and refuses
 * one read with a 429 first.
 */
class OperatorClientTimeoutsTest {
    private static final Duration ANSWERED_AFTER = Duration.ofMillis(1500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PERIOD = Duration.ofMillis(300);

    private static final String CONFIG_MAP =
            "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"refused-once\"}}";

    private static final Executor LATE =
            CompletableFuture.delayedExecutor(ANSWERED_AFTER.toMillis(), TimeUnit.MILLISECONDS);

    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            arrivals.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().endsWith("/refused-once") && arrivals.size() == 1) {
                answer(exchange, 429, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":429}", "1");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // The object as sent, as an API server answers a create; a read gets a ConfigMap. Both come late.
            String json = body.length > 0 ? new String(body, StandardCharsets.UTF_8) : CONFIG_MAP;
            LATE.execute(() -> {
                try {
                    answer(exchange, 200, json, null);
                } catch (IOException e) {
                    // The client gave up first, as the Lease request does.
                }
            });
        });
        server.start();
        Config config = new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                // Shorter than the answers take: the operator's own setting must replace it.
                .withRequestTimeout(Math.toIntExact(ANSWERED_AFTER.toMillis() / 2))
                .build();
        ApiServerSettings apiServer = () -> REQUEST_TIMEOUT;
        LeaderElectionSettings leaderElection = new LeaderElectionProducerTest.Settings(
                true,
                "atonix-operator",
                Optional.of("ops"),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                RETRY_PERIOD);
        client = new KubernetesClientProducer()
                .kubernetesClient(new KubernetesSerialization(), config, apiServer, leaderElection);
    }

    private static void answer(HttpExchange exchange, int code, String json, String retryAfter) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aCreateAnsweredLaterThanTheClientConfigurationsOwnTimeoutIsWaitedForAndSentOnce() {
        ConfigMap created = client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .withNamespace("shop")
                        .endMetadata()
                        .build())
                .create();

        assertThat(created.getMetadata().getName()).isEqualTo("settings");
        assertThat(arrivals).containsExactly("POST /api/v1/namespaces/shop/configmaps");
    }

    @Test
    void aLeaseRequestIsGivenUpAfterTheLeaderElectionsRetryPeriod() {
        Lease lease = new LeaseBuilder()
                .withNewMetadata()
                .withName("atonix-operator")
                .withNamespace("ops")
                .endMetadata()
                .build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.resource(lease).create()).isInstanceOf(KubernetesClientException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWERED_AFTER);
        assertThat(arrivals).containsExactly("POST /apis/coordination.k8s.io/v1/namespaces/ops/leases");
    }

    @Test
    void aRequestRefusedWith429IsSentAgainNoSoonerThanRetryAfterAsks() {
        long start = System.nanoTime();

        client.configMaps().inNamespace("shop").withName("refused-once").get();

        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1).plus(ANSWERED_AFTER));
    }

    @Test
    void onlyTheCoordinationApiIsALeaseRequestBehindAnyPathPrefix() {
        assertThat(LeaseTimeout.isLease(
                        URI.create("https://k8s:6443/apis/coordination.k8s.io/v1/namespaces/a/leases/b")))
                .isTrue();
        assertThat(LeaseTimeout.isLease(URI.create("https://rancher/k8s/clusters/c-1/apis/coordination.k8s.io/v1/")))
                .isTrue();
        assertThat(LeaseTimeout.isLease(URI.create("https://k8s:6443/api/v1/namespaces/a/services")))
                .isFalse();
        assertThat(LeaseTimeout.isLease(URI.create("https://k8s:6443/apis/apps/v1/namespaces/a/deployments")))
                .isFalse();
    }
}
