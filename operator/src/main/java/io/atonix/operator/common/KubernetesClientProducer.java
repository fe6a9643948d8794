package io.atonix.operator.common;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The operator's Kubernetes client: Quarkus' own (its configuration and serialization, replacing its default bean),
 * which honours the API server's Retry-After ({@link RetryAfter}) and waits {@link ApiServerSettings#requestTimeout()}
 * for an answer, except for leader election's Lease ({@link LeaseTimeout}).
 */
@ApplicationScoped
public class KubernetesClientProducer {

    /** Unremovable: the Java Operator SDK extension looks the client up by its type at runtime, which Arc cannot see. */
    @Produces
    @Singleton
    @Unremovable
    KubernetesClient kubernetesClient(
            KubernetesSerialization serialization,
            Config config,
            ApiServerSettings apiServer,
            LeaderElectionSettings leaderElection) {
        // Quarkus fixes its own request-timeout property at build time; this one is read at start (chart, env).
        config.setRequestTimeout(Math.toIntExact(apiServer.requestTimeout().toMillis()));
        // One consumer adds both interceptors: the builder keeps only the last consumer it is given.
        return new KubernetesClientBuilder()
                .withKubernetesSerialization(serialization)
                .withConfig(config)
                .withHttpClientBuilderConsumer(http -> {
                    RetryAfter.addTo(http);
                    LeaseTimeout.addTo(http, leaderElection.retryPeriod());
                })
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
