package io.atonix.operator.kafka;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finds out from the API server's discovery whether Strimzi is installed, and which version of its API to write.
 * Once found, the answer is kept: the operator's informers watch that version from then on. While Strimzi is absent
 * the server is asked again at most once per {@link #RECHECK}, so stacks that want Kafka cause no storm of requests.
 */
public final class StrimziDiscovery {
    public static final Duration RECHECK = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(StrimziDiscovery.class);
    private static final Set<String> KINDS =
            Set.of(StrimziApiVersion.KAFKA, StrimziApiVersion.KAFKA_TOPIC, StrimziApiVersion.KAFKA_USER);

    private volatile StrimziApiVersion found;
    private volatile Instant askedAt;

    /** The version to write, or empty while the cluster serves none of Kafka, KafkaTopic and KafkaUser together. */
    public synchronized Optional<StrimziApiVersion> served(KubernetesClient client, Instant now) {
        if (found == null && (askedAt == null || !now.isBefore(askedAt.plus(RECHECK)))) {
            askedAt = now;
            found = ask(client).orElse(null);
            if (found != null) {
                LOG.infof(
                        "Strimzi serves %s; KafkaTopics and KafkaUsers are written at that version",
                        found.apiVersion());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Asks the API server now, preferring v1: Strimzi 1.x serves nothing else, and 0.49+ serves both. */
    public static Optional<StrimziApiVersion> ask(KubernetesClient client) {
        for (StrimziApiVersion version : List.of(StrimziApiVersion.V1, StrimziApiVersion.V1BETA2)) {
            if (kinds(client, version).containsAll(KINDS)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    private static Set<String> kinds(KubernetesClient client, StrimziApiVersion version) {
        try {
            APIResourceList resources = client.getApiResources(version.apiVersion());
            return resources == null || resources.getResources() == null
                    ? Set.of()
                    : resources.getResources().stream()
                            .map(APIResource::getKind)
                            .collect(Collectors.toSet());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Set.of();
            }
            throw e;
        }
    }
}
