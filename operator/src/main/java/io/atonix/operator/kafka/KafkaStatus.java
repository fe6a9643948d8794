package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.common.WaitStart;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's "Kafka" component, from Strimzi's own status conditions: ready when every KafkaTopic and KafkaUser
 * reports Ready for its current generation and every service's binding Secret exists.
 */
public final class KafkaStatus {
    public static final String COMPONENT = "Kafka";
    public static final String REASON_READY = "Ready";
    public static final String REASON_CREATING = "Creating";
    public static final String REASON_UNAVAILABLE = "KafkaUnavailable";
    public static final String REASON_CLUSTER_NOT_FOUND = "KafkaClusterNotFound";
    public static final String REASON_NOT_SHARED = "KafkaClusterNotShared";
    public static final String REASON_NO_LISTENER = "NoUsableListener";
    public static final String REASON_REFUSED = "KafkaRefused";
    public static final String REASON_NOT_ALLOWED = "KafkaTopicNotAllowed";
    public static final String REASON_FAILED = "ReconcileFailed";
    static final String READY = "Ready";

    private KafkaStatus() {}

    public static ComponentStatus unavailable(AppStack stack) {
        return ComponentStatus.of(
                COMPONENT,
                cluster(stack),
                false,
                REASON_UNAVAILABLE,
                "Strimzi is not installed in this cluster (the API server serves no kafka.strimzi.io Kafka, KafkaTopic and KafkaUser): "
                        + "spec.kafka is not reconciled; the rest of the stack is. Checked again every "
                        + StrimziDiscovery.RECHECK.toMinutes() + " minute(s)");
    }

    public static ComponentStatus failed(AppStack stack, String message) {
        return ComponentStatus.of(COMPONENT, cluster(stack), false, REASON_FAILED, message);
    }

    public static ComponentStatus clusterNotFound(AppStack stack) {
        return ComponentStatus.of(
                COMPONENT,
                cluster(stack),
                false,
                REASON_CLUSTER_NOT_FOUND,
                "spec.kafka.clusterRef: there is no Kafka " + cluster(stack));
    }

    public static ComponentStatus notShared(AppStack stack) {
        String namespace = stack.getMetadata().getNamespace();
        return ComponentStatus.of(
                COMPONENT,
                cluster(stack),
                false,
                REASON_NOT_SHARED,
                "spec.kafka.clusterRef: Kafka " + cluster(stack) + " does not admit stacks of namespace " + namespace
                        + ": its owner lists " + namespace + " (or *) in its annotation "
                        + KafkaSharing.ALLOWED_NAMESPACES + "; nothing is created in its namespace until then");
    }

    public static ComponentStatus noListener(AppStack stack) {
        return ComponentStatus.of(
                COMPONENT,
                cluster(stack),
                false,
                REASON_NO_LISTENER,
                "Kafka " + cluster(stack)
                        + " has no listener with scram-sha-512 or tls authentication, so its users cannot be given credentials");
    }

    /**
     * @param notAllowed the declared topics outside the stack's names that the platform does not share with it, each a
     *                   sentence for a person
     * @param bindings the services' binding Secrets: how many are wanted, how many exist, which wait too long
     * @param problems what the operator could not do (a topic owned by someone else, partitions that would shrink),
     *                 each a sentence for a person
     */
    public static ComponentStatus observed(
            AppStack stack,
            List<KafkaTopic> topics,
            Map<String, KafkaTopic> actualTopics,
            List<KafkaUser> users,
            Map<String, KafkaUser> actualUsers,
            KafkaBindingSecrets.Count bindings,
            List<String> notAllowed,
            List<String> problems) {
        List<String> waiting = new ArrayList<>();
        int topicsReady = 0;
        for (KafkaTopic topic : topics) {
            KafkaTopic actual = actualTopics.get(topic.getMetadata().getName());
            if (actual != null && StrimziObjects.holds(StrimziObjects.condition(actual, actual.getStatus(), READY))) {
                topicsReady++;
            } else {
                waiting.add("topic " + topic.getSpec().getTopicName() + ": "
                        + (actual == null ? "not created yet" : StrimziObjects.problem(actual.getStatus())));
            }
        }
        int usersReady = 0;
        for (KafkaUser user : users) {
            KafkaUser actual = actualUsers.get(user.getMetadata().getName());
            if (actual != null && StrimziObjects.holds(StrimziObjects.condition(actual, actual.getStatus(), READY))) {
                usersReady++;
            } else {
                waiting.add("user " + user.getMetadata().getName() + ": "
                        + (actual == null ? "not created yet" : StrimziObjects.problem(actual.getStatus())));
            }
        }
        if (bindings.present() < bindings.wanted()) {
            waiting.add((bindings.wanted() - bindings.present())
                    + " binding Secret(s) wait for Strimzi's user Secrets and listener address");
        }
        waiting.addAll(bindings.overdue());
        String counts = topicsReady + "/" + topics.size() + " topics ready, " + usersReady + "/" + users.size()
                + " users ready";
        boolean ready = notAllowed.isEmpty() && problems.isEmpty() && waiting.isEmpty();
        List<String> details = new ArrayList<>(notAllowed);
        details.addAll(problems);
        details.addAll(waiting);
        String message = ready ? counts : counts + "; " + String.join("; ", details);
        String reason = !notAllowed.isEmpty()
                ? REASON_NOT_ALLOWED
                : !problems.isEmpty()
                        ? REASON_REFUSED
                        : ready ? REASON_READY : bindings.overdue().isEmpty() ? REASON_CREATING : WaitStart.EXCEEDED;
        return ComponentStatus.of(COMPONENT, cluster(stack), ready, reason, message);
    }

    private static String cluster(AppStack stack) {
        return KafkaTopics.clusterNamespace(stack) + "/"
                + stack.getSpec().kafka().clusterRef().name();
    }
}
