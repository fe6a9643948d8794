package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Strimzi objects of a stack as a pure function, for render: its KafkaTopics, then its KafkaUsers. What the
 * controller reads from the cluster (the served API version, the listener's authentication) and its setting of shared
 * topics are given here; render cannot know of topics another stack already took.
 */
public final class KafkaResources {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KafkaResources() {}

    public static List<HasMetadata> desired(
            AppStack stack, StrimziApiVersion version, KafkaAuthentication authentication, SharedTopics shared) {
        List<HasMetadata> objects = new ArrayList<>();
        KafkaTopicPlan plan = KafkaTopicPlan.of(stack, shared);
        KafkaTopics.desired(stack, plan)
                .forEach(topic -> objects.add(StrimziObjects.atVersion(topic, version, SERIALIZATION)));
        KafkaUsers.desired(stack, authentication, plan.grants(Set.of()))
                .forEach(user -> objects.add(StrimziObjects.atVersion(user, version, SERIALIZATION)));
        return objects;
    }
}
