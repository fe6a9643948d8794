package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void aRequestRefusedWith429AndRetryAfterIsSentAgainNoSoonerThanItAsks() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            arrivals.add(System.nanoTime());
            byte[] body;
            if (arrivals.size() == 1) {
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":429}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, body.length);
            } else {
                body = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"settings\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withHttpClientFactory(new VertxHttpClientFactory())
                .withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                        .build())
                .withHttpClientBuilderConsumer(RetryAfter::addTo)
                .build()) {
            ConfigMap settings = client.configMaps()
                    .inNamespace("default")
                    .withName("settings")
                    .get();
            assertThat(settings.getMetadata().getName()).isEqualTo("settings");
        } finally {
            server.stop(0);
        }
        assertThat(arrivals).hasSize(2);
        // fabric8's own back-off alone would have sent it again after 100 ms.
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onlyTheSecondsFormOnAnAnswerTheClientRetriesIsHonouredAndNeverLongerThanTheBound() {
        assertThat(RetryAfter.asked(429, "2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.asked(503, "1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.asked(429, "3600")).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.asked(429, null)).isZero();
        assertThat(RetryAfter.asked(409, "1")).isZero();
        assertThat(RetryAfter.asked(429, "Wed, 21 Oct 2026 07:28:00 GMT")).isZero();
        assertThat(RetryAfter.asked(429, "0")).isZero();
    }
}
