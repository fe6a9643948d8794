package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredStateMatcher;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The binding Secrets of the services that use Kafka, in the stack's namespace: written from Strimzi's user Secrets
 * (built by {@link KafkaBindings}), rewritten when Strimzi rotates them, deleted when a service stops using Kafka.
 */
final class KafkaBindingSecrets {
    /**
     * How many services use Kafka, how many of their binding Secrets exist, and why those that wait longer than
     * their bound for Strimzi's User Operator do ({@link UserOperatorWait}).
     */
    record Count(int wanted, int present, List<String> overdue) {}

    private KafkaBindingSecrets() {}

    /** Writes the binding Secret of each service that uses Kafka, and deletes those of services that no longer do. */
    static Count write(
            AppStack stack,
            KafkaAccess access,
            Map<String, GenericKubernetesResource> users,
            Duration bound,
            Context<AppStack> context,
            StrimziWriter writer) {
        int wanted = 0;
        int present = 0;
        List<String> overdue = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ServiceSpec service : stack.getSpec().workloads()) {
            if (KafkaUsers.uses(service) == null) {
                continue;
            }
            wanted++;
            names.add(KafkaBindings.secretName(stack, service));
            if (write(stack, service, access, context, writer)) {
                present++;
            }
            GenericKubernetesResource user =
                    users.get(KafkaTopics.clusterNamespace(stack) + "/" + user(stack, service));
            if (user != null) {
                UserOperatorWait.overdue(
                                user, service.name(), userSecret(stack, service, context) != null, bound, Instant.now())
                        .ifPresent(overdue::add);
            }
        }
        deleteAllBut(stack, context, names, writer);
        return new Count(wanted, present, overdue);
    }

    /** Writes the service's binding Secret when Strimzi's Secret and the listener's address exist; true when it exists. */
    private static boolean write(
            AppStack stack, ServiceSpec service, KafkaAccess access, Context<AppStack> context, StrimziWriter writer) {
        Secret userSecret = userSecret(stack, service, context);
        Optional<Secret> desired = KafkaBindings.desired(stack, service, access, userSecret);
        Secret actual = stored(stack, context).get(KafkaBindings.secretName(stack, service));
        if (desired.isEmpty()) {
            return actual != null;
        }
        var serialization = context.getClient().getKubernetesSerialization();
        if (actual != null && DesiredStateMatcher.matches(actual, desired.get(), serialization)) {
            return true;
        }
        var secrets =
                context.getClient().secrets().inNamespace(stack.getMetadata().getNamespace());
        Secret written;
        if (actual == null) {
            written = secrets.resource(desired.get()).create();
            writer.record(
                    "Created",
                    "Created Secret " + desired.get().getMetadata().getName()
                            + " with the Kafka credentials of service " + service.name());
        } else {
            Secret replacement = serialization.clone(desired.get());
            replacement.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
            written = secrets.resource(replacement).update();
            writer.record(
                    "Updated",
                    "Updated Secret " + desired.get().getMetadata().getName()
                            + ": Strimzi changed the Kafka credentials of service " + service.name());
        }
        informer(context).handleRecentResourceCreate(ResourceID.fromResource(stack), written);
        return true;
    }

    private static String user(AppStack stack, ServiceSpec service) {
        return KafkaNames.user(
                stack.getMetadata().getNamespace(), stack.getMetadata().getName(), service.name());
    }

    /** The Secret Strimzi's User Operator made for the service's KafkaUser, from the informer; null while there is none. */
    private static Secret userSecret(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return KafkaEventSources.userSecrets(context)
                .get(new ResourceID(user(stack, service), KafkaTopics.clusterNamespace(stack)))
                .orElse(null);
    }

    /** Deletes the stack's Kafka binding Secrets not named in {@code keep}. */
    static void deleteAllBut(AppStack stack, Context<AppStack> context, Set<String> keep, StrimziWriter writer) {
        for (Secret secret : stored(stack, context).values()) {
            if (!keep.contains(secret.getMetadata().getName())) {
                context.getClient().resource(secret).delete();
                writer.record(
                        "Deleted",
                        "Deleted Secret " + secret.getMetadata().getName() + ": the service no longer uses Kafka");
            }
        }
    }

    /** The stack's Kafka binding Secrets, by name, from the controller's binding-secrets informer. */
    private static Map<String, Secret> stored(AppStack stack, Context<AppStack> context) {
        return informer(context).getSecondaryResources(stack).stream()
                .filter(s -> KafkaBindings.COMPONENT.equals(
                        s.getMetadata().getLabels().get(Labels.COMPONENT)))
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s, (a, b) -> a));
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Secret, AppStack> informer(Context<AppStack> context) {
        return (InformerEventSource<Secret, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(Secret.class, KafkaStep.BINDING_SECRETS);
    }
}
