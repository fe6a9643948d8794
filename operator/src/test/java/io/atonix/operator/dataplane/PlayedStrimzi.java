package io.atonix.operator.dataplane;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Passwords;
import io.atonix.operator.kafka.PlayStrimzi;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.realcluster.ClassCrds;
import io.atonix.operator.realcluster.StrimziOnRealCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Strimzi for a data-plane class: its CRDs installed for the class, a Kafka cluster {@value #KAFKA} in a namespace of
 * the class, and its Topic and User Operators played every second (topics and users reported Ready, each user's
 * Secret written). Install it before the operator starts: the operator looks for Strimzi once a stack wants Kafka,
 * and again only a minute later.
 */
final class PlayedStrimzi implements AutoCloseable {
    static final String KAFKA = "events";

    private final ClassCrds crds;
    private final PlayStrimzi strimzi;
    private final ScheduledExecutorService operators = Executors.newSingleThreadScheduledExecutor();

    private PlayedStrimzi(KubernetesClient admin, String kafkaNamespace) {
        crds = StrimziOnRealCluster.install(admin);
        strimzi = new PlayStrimzi(admin, StrimziApiVersion.V1);
        strimzi.kafka(kafkaNamespace, KAFKA);
        operators.scheduleWithFixedDelay(
                () -> {
                    try {
                        strimzi.catchUp(kafkaNamespace, Passwords::generate);
                    } catch (RuntimeException e) {
                        System.err.println("[played Strimzi] a pass failed, the next one retries: " + e);
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
    }

    static PlayedStrimzi start(KubernetesClient admin, String kafkaNamespace) {
        return new PlayedStrimzi(admin, kafkaNamespace);
    }

    /** What the tests do in Strimzi's place beside the played operators (a user's new password). */
    PlayStrimzi strimzi() {
        return strimzi;
    }

    /** Creates the stack of resources/dataplane/kafka-stack.yaml in the namespace, using the Kafka of this class. */
    static void createKafkaStack(KubernetesClient admin, String namespace, String kafkaNamespace) throws Exception {
        try (InputStream yaml = PlayedStrimzi.class.getResourceAsStream("/dataplane/kafka-stack.yaml")) {
            String stack =
                    new String(yaml.readAllBytes(), StandardCharsets.UTF_8).replace("KAFKA_NAMESPACE", kafkaNamespace);
            admin.resources(AppStack.class)
                    .inNamespace(namespace)
                    .load(new ByteArrayInputStream(stack.getBytes(StandardCharsets.UTF_8)))
                    .create();
        }
    }

    /** Stops playing Strimzi's operators; the CRDs stay until {@link #close}. */
    void stopPlaying() {
        operators.shutdownNow();
    }

    /** Stops playing, then removes the CRDs with whatever Kafka objects are left. */
    @Override
    public void close() {
        stopPlaying();
        crds.close();
    }
}
