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
 * which honours the API server's Retry-After ({@link RetryAfter}).
 */
@ApplicationScoped
public class KubernetesClientProducer {

    /** Unremovable: the Java Operator SDK extension looks the client up by its type at runtime, which Arc cannot see. */
    @Produces
    @Singleton
    @Unremovable
    KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config) {
        return RetryAfter.honouredBy(new KubernetesClientBuilder()
                        .withKubernetesSerialization(serialization)
                        .withConfig(config))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
