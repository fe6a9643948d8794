package io.atonix.operator.kafka;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.kafka.listener.ListenerStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the listener of a Strimzi Kafka the stack's services connect through: an internal one before one meant for
 * clients outside the cluster, SCRAM-SHA-512 before mutual TLS (a password is easier for every client library), and an
 * encrypted listener before a plain one. Listeners without authentication, or with OAuth or custom authentication,
 * cannot be given a KafkaUser with credentials and are not used.
 */
public final class KafkaListeners {

    private KafkaListeners() {}

    public static Optional<KafkaAccess> choose(Kafka kafka) {
        if (kafka.getSpec() == null
                || kafka.getSpec().getKafka() == null
                || kafka.getSpec().getKafka().getListeners() == null) {
            return Optional.empty();
        }
        return kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> authentication(listener).isPresent())
                .min(Comparator.comparingInt(KafkaListeners::rank))
                .map(listener -> access(kafka, listener));
    }

    private static int rank(GenericKafkaListener listener) {
        boolean internal =
                listener.getType() == KafkaListenerType.INTERNAL || listener.getType() == KafkaListenerType.CLUSTER_IP;
        boolean scram = authentication(listener).orElseThrow() == KafkaAuthentication.SCRAM_SHA_512;
        return (internal ? 0 : 4) + (scram ? 0 : 2) + (listener.isTls() ? 0 : 1);
    }

    private static Optional<KafkaAuthentication> authentication(GenericKafkaListener listener) {
        if (listener.getAuth() == null) {
            return Optional.empty();
        }
        String type = listener.getAuth().getType();
        for (KafkaAuthentication candidate : KafkaAuthentication.values()) {
            if (candidate.type().equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static KafkaAccess access(Kafka kafka, GenericKafkaListener listener) {
        Optional<ListenerStatus> status =
                kafka.getStatus() == null || kafka.getStatus().getListeners() == null
                        ? Optional.empty()
                        : kafka.getStatus().getListeners().stream()
                                .filter(s -> listener.getName().equals(s.getName()))
                                .findFirst();
        return new KafkaAccess(
                listener.getName(),
                authentication(listener).orElseThrow(),
                listener.isTls(),
                status.map(ListenerStatus::getBootstrapServers).orElse(null),
                listener.isTls() ? status.map(ListenerStatus::getCertificates).orElse(List.of()) : List.of());
    }
}
