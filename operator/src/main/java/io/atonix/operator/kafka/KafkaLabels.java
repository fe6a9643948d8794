package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Labels of the Kafka objects of a stack. KafkaTopics and KafkaUsers live in the Kafka cluster's namespace, where no
 * owner reference can point at the stack: their labels name the stack and its namespace, and are how the operator
 * finds them again.
 */
public final class KafkaLabels {
    /** Strimzi's label that ties a KafkaTopic or KafkaUser to its Kafka cluster. */
    public static final String STRIMZI_CLUSTER = "strimzi.io/cluster";
    /**
     * On the Secret Strimzi creates for each of our KafkaUsers (Strimzi copies {@code spec.template.secret.metadata.labels}
     * onto it): the operator watches only Secrets with this label, never every Secret of the cluster.
     */
    public static final String USER_SECRET = "atonix.io/kafka-user-secret";

    public static final String USER_SECRET_SELECTOR = USER_SECRET + "=true";

    private KafkaLabels() {}

    /** The labels that name the stack, on every Kafka object of it and on Strimzi's user Secrets. */
    static Map<String, String> stack(AppStack stack) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.STACK, stack.getMetadata().getName());
        labels.put(Labels.STACK_NAMESPACE, stack.getMetadata().getNamespace());
        return labels;
    }

    static Map<String, String> topic(AppStack stack, String cluster) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, "kafka");
        labels.put(Labels.COMPONENT, "kafka-topic");
        labels.put(Labels.PART_OF, stack.getMetadata().getName());
        labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
        labels.putAll(stack(stack));
        labels.put(STRIMZI_CLUSTER, cluster);
        return labels;
    }

    static Map<String, String> user(AppStack stack, String service, String cluster) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, service);
        labels.put(Labels.COMPONENT, "kafka-user");
        labels.put(Labels.PART_OF, stack.getMetadata().getName());
        labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
        labels.putAll(stack(stack));
        labels.put(Labels.SERVICE, service);
        labels.put(STRIMZI_CLUSTER, cluster);
        return labels;
    }

    static Map<String, String> userSecret(AppStack stack, String service) {
        Map<String, String> labels = new LinkedHashMap<>(stack(stack));
        labels.put(Labels.SERVICE, service);
        labels.put(USER_SECRET, "true");
        return labels;
    }

    /** The stack an object belongs to, read from its labels; none when they do not name one. */
    public static Set<ResourceID> owningStack(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        if (labels == null || labels.get(Labels.STACK) == null || labels.get(Labels.STACK_NAMESPACE) == null) {
            return Set.of();
        }
        return Set.of(new ResourceID(labels.get(Labels.STACK), labels.get(Labels.STACK_NAMESPACE)));
    }

    /** Whether an object carries the labels of this very stack (a namesake in another namespace does not count). */
    static boolean belongsTo(HasMetadata object, AppStack stack) {
        return owningStack(object).contains(ResourceID.fromResource(stack));
    }
}
