package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * The Strimzi objects of a stack as a pure function, for render: its KafkaTopics, then its KafkaUsers. What the
 * controller reads from the cluster (the served API version, the listener's authentication) is given here.
 */
public final class KafkaResources {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KafkaResources() {}

    public static List<HasMetadata> desired(
            AppStack stack, StrimziApiVersion version, KafkaAuthentication authentication) {
        List<HasMetadata> objects = new ArrayList<>();
        KafkaTopics.desired(stack)
                .forEach(topic -> objects.add(StrimziObjects.atVersion(topic, version, SERIALIZATION)));
        KafkaUsers.desired(stack, authentication)
                .forEach(user -> objects.add(StrimziObjects.atVersion(user, version, SERIALIZATION)));
        return objects;
    }
}
