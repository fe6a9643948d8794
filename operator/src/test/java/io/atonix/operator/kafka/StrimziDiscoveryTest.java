package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The version the operator writes is the one the API server's discovery serves, v1 first; none without Strimzi. */
class StrimziDiscoveryTest {
    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void prefersV1WhenServed() {
        StrimziCrds.register(client, StrimziApiVersion.V1);
        assertThat(StrimziDiscovery.ask(client)).contains(StrimziApiVersion.V1);
    }

    @Test
    void usesV1beta2WhereV1IsNotServed() {
        StrimziCrds.register(client, StrimziApiVersion.V1BETA2);
        assertThat(StrimziDiscovery.ask(client)).contains(StrimziApiVersion.V1BETA2);
    }

    @Test
    void absentStrimziIsAskedAgainOnlyAfterTheRecheckInterval() {
        StrimziDiscovery discovery = new StrimziDiscovery();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(discovery.served(client, start)).isEmpty();
        StrimziCrds.register(client, StrimziApiVersion.V1);
        assertThat(discovery.served(client, start.plusSeconds(10)))
                .as("not asked again yet")
                .isEmpty();
        assertThat(discovery.served(client, start.plus(StrimziDiscovery.RECHECK)))
                .contains(StrimziApiVersion.V1);
    }
}
