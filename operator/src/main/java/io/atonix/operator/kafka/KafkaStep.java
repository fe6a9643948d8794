package io.atonix.operator.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ComponentStatus;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.api.v1alpha1.common.DeletionPolicy;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.common.DesiredStateMatcher;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * The Kafka part of an AppStack's reconcile: the stack's KafkaTopics and KafkaUsers next to the Kafka cluster, and a
 * binding Secret per service where it runs. Topics the stack no longer declares are retired by its deletion policy:
 * with Retain they are first detached from the Topic Operator, so removing the KafkaTopic keeps the data.
 */
public final class KafkaStep {
    /** How soon to look again while the Topic Operator has not yet let go of a detached topic. */
    public static final Duration DETACH_RECHECK = Duration.ofSeconds(5);
    static final Duration FAILURE_RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(KafkaStep.class);
    private static final String BINDING_SECRETS = "binding-secrets";

    private final StrimziDiscovery discovery = new StrimziDiscovery();
    private volatile boolean watching;

    /**
     * A refusal or failure of the API server on the Kafka side is reported in the component and retried after
     * {@link #FAILURE_RECHECK}; it does not stop the rest of the stack from being reconciled.
     */
    public KafkaOutcome reconcile(AppStack stack, Context<AppStack> context) {
        try {
            return reconcileKafka(stack, context);
        } catch (KubernetesClientException e) {
            LOG.warnf("Kafka part of AppStack %s/%s failed: %s", stack.getMetadata().getNamespace(), stack.getMetadata().getName(), e.getMessage());
            return stack.getSpec().kafka() == null ? new KafkaOutcome(Optional.empty(), Optional.of(FAILURE_RECHECK))
                    : KafkaOutcome.of(KafkaStatus.failed(stack, e.getMessage()), FAILURE_RECHECK);
        }
    }

    private KafkaOutcome reconcileKafka(AppStack stack, Context<AppStack> context) {
        boolean wanted = stack.getSpec().kafka() != null;
        if (!wanted && !watching) {
            return KafkaOutcome.NONE;
        }
        Optional<StrimziApiVersion> version = discovery.served(context.getClient(), Instant.now());
        if (version.isEmpty()) {
            return wanted ? KafkaOutcome.of(KafkaStatus.unavailable(stack), StrimziDiscovery.RECHECK) : KafkaOutcome.NONE;
        }
        watch(context, version.get());
        StrimziWriter writer = new StrimziWriter(context, stack, version.get());
        Owned owned = Owned.of(context, stack);
        if (!wanted) {
            boolean retiring = retire(stack, owned.topics().values(), owned.users().values(), writer, context);
            deleteBindings(stack, context, Set.of(), writer);
            return new KafkaOutcome(Optional.empty(), Optional.ofNullable(retiring ? DETACH_RECHECK : null));
        }
        Optional<Kafka> cluster = cluster(context, stack);
        if (cluster.isEmpty()) {
            return KafkaOutcome.of(KafkaStatus.clusterNotFound(stack), null);
        }
        List<String> problems = new ArrayList<>();
        List<KafkaTopic> topics = KafkaTopics.desired(stack);
        Map<String, GenericKubernetesResource> topicsNow = writeTopics(topics, version.get(), owned.topics(), writer, context, problems);
        Optional<KafkaAccess> access = KafkaListeners.choose(cluster.get());
        List<KafkaUser> users = access.map(a -> KafkaUsers.desired(stack, a.authentication())).orElse(List.of());
        Map<String, GenericKubernetesResource> usersNow = writeUsers(users, version.get(), owned.users(), writer, context, problems);

        Set<String> retiredKeys = keysOf(topics);
        List<GenericKubernetesResource> retiredTopics = owned.topics().entrySet().stream()
                .filter(e -> !retiredKeys.contains(e.getKey())).map(Map.Entry::getValue).toList();
        Set<String> userKeys = keysOf(users);
        List<GenericKubernetesResource> retiredUsers = owned.users().entrySet().stream()
                .filter(e -> !userKeys.contains(e.getKey())).map(Map.Entry::getValue).toList();
        boolean retiring = retire(stack, retiredTopics, access.isEmpty() ? List.of() : retiredUsers, writer, context);

        if (access.isEmpty()) {
            return KafkaOutcome.of(KafkaStatus.noListener(stack), retiring ? DETACH_RECHECK : null);
        }
        int bindings = 0;
        int bindingsPresent = 0;
        Set<String> bindingNames = new HashSet<>();
        for (ServiceSpec service : stack.getSpec().services()) {
            if (KafkaUsers.uses(service) == null) {
                continue;
            }
            bindings++;
            bindingNames.add(KafkaBinding.secretName(stack.getMetadata().getName(), service.name()));
            if (writeBinding(stack, service, access.get(), context, writer)) {
                bindingsPresent++;
            }
        }
        deleteBindings(stack, context, bindingNames, writer);
        ComponentStatus component = KafkaStatus.observed(stack, topics, typed(topicsNow, KafkaTopic.class, context), users,
                typed(usersNow, KafkaUser.class, context), bindings, bindingsPresent, problems);
        return KafkaOutcome.of(component, retiring ? DETACH_RECHECK : null);
    }

    /**
     * Removes the stack's Kafka objects before the stack goes; true when nothing is left to wait for. It never holds
     * the stack when the Kafka side is gone: without Strimzi's API, without the Kafka namespace, or when a request is
     * refused or finds nothing, the finalizer is released and an Event says why.
     */
    public boolean cleanup(AppStack stack, Context<AppStack> context) {
        boolean wanted = stack.getSpec().kafka() != null;
        if (!wanted && (!watching || Owned.of(context, stack).isEmpty())) {
            return true;
        }
        Optional<StrimziApiVersion> version;
        try {
            // Asked afresh: Strimzi may have been uninstalled since the informers started.
            version = StrimziDiscovery.ask(context.getClient());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            version = Optional.empty();
        }
        StrimziWriter writer = new StrimziWriter(context, stack, version.orElse(StrimziApiVersion.V1));
        if (version.isEmpty()) {
            writer.warn("KafkaCleanupSkipped", "Strimzi's API (kafka.strimzi.io) is not served: nothing left to remove on the Kafka side");
            return true;
        }
        watch(context, version.get());
        Owned owned = Owned.of(context, stack);
        List<GenericKubernetesResource> topics = new ArrayList<>();
        List<GenericKubernetesResource> users = new ArrayList<>();
        for (GenericKubernetesResource topic : owned.topics().values()) {
            if (namespaceExists(context, topic, writer)) {
                topics.add(topic);
            }
        }
        for (GenericKubernetesResource user : owned.users().values()) {
            if (namespaceExists(context, user, writer)) {
                users.add(user);
            }
        }
        return !retire(stack, topics, users, writer, context);
    }

    private void watch(Context<AppStack> context, StrimziApiVersion version) {
        if (!watching) {
            KafkaEventSources.register(context, version);
            watching = true;
        }
    }

    private Map<String, GenericKubernetesResource> writeTopics(List<KafkaTopic> topics, StrimziApiVersion version,
            Map<String, GenericKubernetesResource> actual, StrimziWriter writer, Context<AppStack> context, List<String> problems) {
        KubernetesSerialization serialization = context.getClient().getKubernetesSerialization();
        Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
        for (KafkaTopic topic : topics) {
            GenericKubernetesResource desired = StrimziObjects.atVersion(topic, version, serialization);
            String key = StrimziWriter.where(topic);
            GenericKubernetesResource current = actual.get(key);
            if (current == null) {
                Optional<GenericKubernetesResource> created = writer.create(KafkaEventSources.TOPICS, desired);
                if (created.isEmpty()) {
                    problems.add("KafkaTopic " + key + " already exists and is not this stack's: topic " + topic.getSpec().getTopicName()
                            + " is left alone");
                    continue;
                }
                current = created.get();
            } else {
                Integer partitions = StrimziObjects.typed(current, KafkaTopic.class, serialization).getSpec().getPartitions();
                if (partitions != null && partitions > topic.getSpec().getPartitions()) {
                    problems.add("topic " + topic.getSpec().getTopicName() + " has " + partitions
                            + " partitions: Kafka cannot reduce them to " + topic.getSpec().getPartitions());
                } else if (StrimziObjects.detached(current) || !DesiredStateMatcher.matches(current, desired, serialization)) {
                    current = writer.update(KafkaEventSources.TOPICS, current, desired);
                }
            }
            result.put(key, current);
        }
        return result;
    }

    private Map<String, GenericKubernetesResource> writeUsers(List<KafkaUser> users, StrimziApiVersion version,
            Map<String, GenericKubernetesResource> actual, StrimziWriter writer, Context<AppStack> context, List<String> problems) {
        KubernetesSerialization serialization = context.getClient().getKubernetesSerialization();
        Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
        for (KafkaUser user : users) {
            GenericKubernetesResource desired = StrimziObjects.atVersion(user, version, serialization);
            String key = StrimziWriter.where(user);
            GenericKubernetesResource current = actual.get(key);
            if (current == null) {
                current = writer.create(KafkaEventSources.USERS, desired).orElse(null);
                if (current == null) {
                    problems.add("KafkaUser " + key + " already exists and is not this stack's");
                }
            } else if (!DesiredStateMatcher.matches(current, desired, serialization)) {
                current = writer.update(KafkaEventSources.USERS, current, desired);
            }
            if (current != null) {
                result.put(key, current);
            }
        }
        return result;
    }

    /**
     * Retires KafkaTopics and KafkaUsers the stack no longer wants; true while a topic waits for the Topic Operator to
     * let go of it. Users go at once (Strimzi removes their Secret and ACLs); topics as the deletion policy says.
     */
    private boolean retire(AppStack stack, Collection<GenericKubernetesResource> topics,
            Collection<GenericKubernetesResource> users, StrimziWriter writer, Context<AppStack> context) {
        for (GenericKubernetesResource user : users) {
            if (!beingDeleted(user)) {
                deleteTolerating(user, "", writer);
            }
        }
        boolean waiting = false;
        boolean retain = stack.getSpec().deletionPolicyOrDefault() == DeletionPolicy.Retain;
        for (GenericKubernetesResource topic : topics) {
            if (beingDeleted(topic)) {
                // Asked for already; Strimzi's own finalizer finishes it.
                continue;
            }
            if (!retain || !clusterExists(context, topic)) {
                deleteTolerating(topic, retain ? " (its Kafka cluster is gone)" : " (deletionPolicy Delete: the topic's data goes too)", writer);
            } else if (!StrimziObjects.detached(topic)) {
                try {
                    writer.detach(topic);
                    waiting = true;
                } catch (KubernetesClientException e) {
                    if (!released(e, topic, writer)) {
                        throw e;
                    }
                }
            } else if (StrimziObjects.holds(StrimziObjects.condition(topic,
                    StrimziObjects.typed(topic, KafkaTopic.class, context.getClient().getKubernetesSerialization()).getStatus(),
                    StrimziObjects.UNMANAGED_CONDITION))) {
                deleteTolerating(topic, " (detached: the topic and its data stay in Kafka)", writer);
            } else {
                waiting = true;
            }
        }
        return waiting;
    }

    private static boolean beingDeleted(HasMetadata object) {
        return object.getMetadata().getDeletionTimestamp() != null;
    }

    private static void deleteTolerating(GenericKubernetesResource object, String why, StrimziWriter writer) {
        try {
            writer.delete(object, why);
        } catch (KubernetesClientException e) {
            if (!released(e, object, writer)) {
                throw e;
            }
        }
    }

    /** A 404 or 403 from the Kafka side: nothing the operator can do there any more, so it must not hold anything back. */
    private static boolean released(KubernetesClientException e, HasMetadata object, StrimziWriter writer) {
        if (e.getCode() != 404 && e.getCode() != 403) {
            return false;
        }
        writer.warn("KafkaCleanupSkipped", object.getKind() + " " + StrimziWriter.where(object) + " could not be removed (HTTP "
                + e.getCode() + "): " + e.getMessage());
        LOG.infof("giving up on %s %s: HTTP %d", object.getKind(), StrimziWriter.where(object), e.getCode());
        return true;
    }

    private static boolean namespaceExists(Context<AppStack> context, HasMetadata object, StrimziWriter writer) {
        String namespace = object.getMetadata().getNamespace();
        try {
            Namespace found = context.getClient().namespaces().withName(namespace).get();
            // A terminating namespace takes its KafkaTopics with it, and may already have lost the Topic Operator that
            // a detach would wait for.
            if (found != null && found.getMetadata().getDeletionTimestamp() == null) {
                return true;
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
        }
        writer.warn("KafkaCleanupSkipped", "namespace " + namespace + " of " + object.getKind() + " " + object.getMetadata().getName()
                + " is gone, terminating or cannot be read: nothing left to remove there");
        return false;
    }

    private static boolean clusterExists(Context<AppStack> context, GenericKubernetesResource object) {
        String cluster = object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get(KafkaLabels.STRIMZI_CLUSTER);
        return cluster != null && KafkaEventSources.generic(context, KafkaEventSources.CLUSTERS)
                .get(new ResourceID(cluster, object.getMetadata().getNamespace())).isPresent();
    }

    private static Optional<Kafka> cluster(Context<AppStack> context, AppStack stack) {
        ResourceID id = new ResourceID(stack.getSpec().kafka().cluster().name(), KafkaTopics.clusterNamespace(stack));
        return KafkaEventSources.generic(context, KafkaEventSources.CLUSTERS).get(id)
                .map(k -> StrimziObjects.typed(k, Kafka.class, context.getClient().getKubernetesSerialization()));
    }

    /** Writes the service's binding Secret when Strimzi's Secret and the listener's address exist; true when it exists. */
    private static boolean writeBinding(AppStack stack, ServiceSpec service, KafkaAccess access, Context<AppStack> context,
            StrimziWriter writer) {
        String user = KafkaNames.user(stack.getMetadata().getNamespace(), stack.getMetadata().getName(), service.name());
        Secret userSecret = KafkaEventSources.userSecrets(context).get(new ResourceID(user, KafkaTopics.clusterNamespace(stack))).orElse(null);
        Optional<Secret> desired = KafkaBindings.desired(stack, service, access, userSecret);
        Secret actual = bindingSecrets(stack, context).get(KafkaBinding.secretName(stack.getMetadata().getName(), service.name()));
        if (desired.isEmpty()) {
            return actual != null;
        }
        var serialization = context.getClient().getKubernetesSerialization();
        if (actual != null && DesiredStateMatcher.matches(actual, desired.get(), serialization)) {
            return true;
        }
        var secrets = context.getClient().secrets().inNamespace(stack.getMetadata().getNamespace());
        Secret written;
        if (actual == null) {
            written = secrets.resource(desired.get()).create();
            writer.record("Created", "Created Secret " + desired.get().getMetadata().getName() + " with the Kafka credentials of service "
                    + service.name());
        } else {
            Secret replacement = serialization.clone(desired.get());
            replacement.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
            written = secrets.resource(replacement).update();
            writer.record("Updated", "Updated Secret " + desired.get().getMetadata().getName() + ": Strimzi changed the Kafka credentials of service "
                    + service.name());
        }
        bindingInformer(context).handleRecentResourceCreate(ResourceID.fromResource(stack), written);
        return true;
    }

    private static void deleteBindings(AppStack stack, Context<AppStack> context, Set<String> keep, StrimziWriter writer) {
        for (Secret secret : bindingSecrets(stack, context).values()) {
            if (!keep.contains(secret.getMetadata().getName())) {
                context.getClient().resource(secret).delete();
                writer.record("Deleted", "Deleted Secret " + secret.getMetadata().getName() + ": the service no longer uses Kafka");
            }
        }
    }

    /** The stack's Kafka binding Secrets, by name, from the controller's binding-secrets informer. */
    private static Map<String, Secret> bindingSecrets(AppStack stack, Context<AppStack> context) {
        return bindingInformer(context).getSecondaryResources(stack).stream()
                .filter(s -> "kafka-binding".equals(s.getMetadata().getLabels().get(Labels.COMPONENT)))
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s, (a, b) -> a));
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Secret, AppStack> bindingInformer(
            Context<AppStack> context) {
        return (InformerEventSource<Secret, AppStack>) context
                .eventSourceRetriever().getEventSourceFor(Secret.class, BINDING_SECRETS);
    }

    private static Set<String> keysOf(List<? extends HasMetadata> objects) {
        return objects.stream().map(StrimziWriter::where).collect(Collectors.toSet());
    }

    private static <T> Map<String, T> typed(Map<String, GenericKubernetesResource> objects, Class<T> type, Context<AppStack> context) {
        Map<String, T> result = new LinkedHashMap<>();
        objects.forEach((key, object) -> result.put(object.getMetadata().getName(),
                StrimziObjects.typed(object, type, context.getClient().getKubernetesSerialization())));
        return result;
    }

    /** The stack's KafkaTopics and KafkaUsers in the informers' caches, keyed by namespace/name. */
    private record Owned(Map<String, GenericKubernetesResource> topics, Map<String, GenericKubernetesResource> users) {
        boolean isEmpty() {
            return topics.isEmpty() && users.isEmpty();
        }

        static Owned of(Context<AppStack> context, AppStack stack) {
            return new Owned(owned(context, stack, KafkaEventSources.TOPICS), owned(context, stack, KafkaEventSources.USERS));
        }

        private static Map<String, GenericKubernetesResource> owned(Context<AppStack> context, AppStack stack, String source) {
            Map<String, GenericKubernetesResource> result = new LinkedHashMap<>();
            for (GenericKubernetesResource object : KafkaEventSources.generic(context, source).getSecondaryResources(stack)) {
                if (KafkaLabels.belongsTo(object, stack)) {
                    result.put(StrimziWriter.where(object), object);
                }
            }
            return result;
        }
    }
}
