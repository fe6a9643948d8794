package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.common.EventRecorder;
import io.atonix.operator.common.WaitBounds;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The Kafka part of an AppStack's reconcile: the stack's KafkaTopics and KafkaUsers next to the Kafka cluster, and a
 * binding Secret per service where it runs. Topics the stack no longer declares are retired by its deletion policy:
 * with Retain they are first detached from the Topic Operator, so removing the KafkaTopic keeps the data. The steps
 * live in their own classes: what exists ({@link StrimziDiscovery}, {@link OwnedKafkaObjects}, {@link KafkaClusters}),
 * the writes ({@link KafkaWrites}), the retirement ({@link KafkaRetirement}) and the bindings ({@link KafkaBindingSecrets}).
 */
public final class KafkaStep {
    /** How soon to look again while the Topic Operator has not yet let go of a detached topic. */
    public static final Duration DETACH_RECHECK = Duration.ofSeconds(5);
    /** The AppStack controller's informer of generated Secrets, from which the Kafka part reads its binding Secrets. */
    public static final String BINDING_SECRETS = "binding-secrets";

    static final Duration FAILURE_RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(KafkaStep.class);

    private final StrimziDiscovery discovery = new StrimziDiscovery();
    private final SharedTopics shared;
    private final WaitBounds waits;
    private volatile boolean watching;

    /**
     * @param shared the platform's allow-list of topics outside the stacks' own names
     * @param waits how long to wait for Strimzi's Topic and User Operators
     */
    public KafkaStep(SharedTopics shared, WaitBounds waits) {
        this.shared = shared;
        this.waits = waits;
    }

    /**
     * A refusal or failure of the API server on the Kafka side is reported in the component and retried after
     * {@link #FAILURE_RECHECK}; it does not stop the rest of the stack from being reconciled.
     */
    public KafkaOutcome reconcile(AppStack stack, Context<AppStack> context) {
        try {
            return reconcileKafka(stack, context);
        } catch (KubernetesClientException e) {
            LOG.warnf(
                    "Kafka part of AppStack %s/%s failed: %s",
                    stack.getMetadata().getNamespace(), stack.getMetadata().getName(), e.getMessage());
            return stack.getSpec().kafka() == null
                    ? new KafkaOutcome(Optional.empty(), Optional.of(FAILURE_RECHECK))
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
            return wanted
                    ? KafkaOutcome.of(KafkaStatus.unavailable(stack), StrimziDiscovery.RECHECK)
                    : KafkaOutcome.NONE;
        }
        watch(context, version.get());
        StrimziWriter writer = new StrimziWriter(context, stack, version.get());
        OwnedKafkaObjects owned = OwnedKafkaObjects.of(context, stack);
        if (!wanted) {
            boolean retiring = KafkaRetirement.retire(
                    stack,
                    owned.topics().values(),
                    owned.users().values(),
                    writer,
                    context,
                    waits.kafkaUnmanaged(),
                    Instant.now());
            KafkaBindingSecrets.deleteAllBut(stack, context, Set.of(), writer);
            return new KafkaOutcome(Optional.empty(), Optional.ofNullable(retiring ? DETACH_RECHECK : null));
        }
        Optional<Kafka> cluster = KafkaClusters.of(context, stack);
        if (cluster.isEmpty()) {
            return KafkaOutcome.of(KafkaStatus.clusterNotFound(stack), null);
        }
        if (!KafkaSharing.admits(cluster.get(), stack.getMetadata().getNamespace())) {
            return KafkaOutcome.of(KafkaStatus.notShared(stack), null);
        }

        KafkaWrites writes = new KafkaWrites(writer, version.get(), context);
        KafkaTopicPlan plan = KafkaTopicPlan.of(stack, shared);
        List<KafkaTopic> topics = KafkaTopics.desired(stack, plan);
        Map<String, GenericKubernetesResource> topicsNow = writes.topics(topics, owned.topics(), plan.shared());
        Optional<KafkaAccess> access = KafkaListeners.choose(cluster.get());
        Map<String, String> grants = plan.grants(writes.unusable());
        List<KafkaUser> users = access.map(a -> KafkaUsers.desired(stack, a.authentication(), grants))
                .orElse(List.of());
        Map<String, GenericKubernetesResource> usersNow = writes.users(users, owned.users());

        // Without a listener no user is wanted: the users stay until one is back, rather than being deleted and
        // recreated.
        boolean retiring = KafkaRetirement.retire(
                stack,
                owned.topicsBeyond(topics),
                access.isEmpty() ? List.of() : owned.usersBeyond(users),
                writer,
                context,
                waits.kafkaUnmanaged(),
                Instant.now());
        if (access.isEmpty()) {
            return KafkaOutcome.of(KafkaStatus.noListener(stack), retiring ? DETACH_RECHECK : null);
        }

        KafkaBindingSecrets.Count bindings =
                KafkaBindingSecrets.write(stack, access.get(), usersNow, waits.kafkaUserSecret(), context, writer);
        ComponentStatus component = KafkaStatus.observed(
                stack,
                topics.stream().filter(t -> !writes.managedElsewhere(t)).toList(),
                writes.typed(topicsNow, KafkaTopic.class),
                users,
                writes.typed(usersNow, KafkaUser.class),
                bindings,
                plan.refusals(stack.getMetadata().getNamespace()),
                writes.problems());
        // A bound passes without an event: while a binding Secret waits for Strimzi, look again to say so.
        return KafkaOutcome.of(
                component,
                retiring ? DETACH_RECHECK : bindings.present() < bindings.wanted() ? WaitStart.RECHECK : null);
    }

    /**
     * Removes the stack's Kafka objects before the stack goes; none when nothing is left to wait for, otherwise when
     * to look again. It never holds the stack when the Kafka side is gone: without Strimzi's API, without the Kafka
     * namespace, or when a request is refused or finds nothing, the finalizer is released and an Event says why. Nor
     * does it hold the stack longer than the bound of the wait for the Topic Operator ({@link TopicOperatorWait}), or
     * of a cleanup that keeps failing ({@link FailingCleanup}): then what is left behind is said in an Event.
     */
    public Optional<Duration> cleanup(AppStack stack, Context<AppStack> context) {
        try {
            return removeKafkaObjects(stack, context) ? Optional.empty() : Optional.of(DETACH_RECHECK);
        } catch (KubernetesClientException e) {
            FailingCleanup.Verdict verdict = FailingCleanup.judge(
                    stack, "HTTP " + e.getCode() + ": " + e.getMessage(), waits.kafkaUnmanaged(), Instant.now());
            LOG.warn(verdict.message());
            EventRecorder.record(
                    context.getClient(),
                    stack,
                    EventRecorder.WARNING,
                    verdict.release() ? "KafkaCleanupAbandoned" : "KafkaCleanupFailed",
                    verdict.message());
            return verdict.release() ? Optional.empty() : Optional.of(FAILURE_RECHECK);
        }
    }

    /** True when nothing is left to wait for. */
    private boolean removeKafkaObjects(AppStack stack, Context<AppStack> context) {
        boolean wanted = stack.getSpec().kafka() != null;
        if (!wanted && (!watching || OwnedKafkaObjects.of(context, stack).isEmpty())) {
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
            writer.warn(
                    "KafkaCleanupSkipped",
                    "Strimzi's API (kafka.strimzi.io) is not served: nothing left to remove on the Kafka side");
            return true;
        }
        watch(context, version.get());
        OwnedKafkaObjects owned = OwnedKafkaObjects.of(context, stack);
        List<GenericKubernetesResource> topics = new ArrayList<>();
        List<GenericKubernetesResource> users = new ArrayList<>();
        for (GenericKubernetesResource topic : owned.topics().values()) {
            if (KafkaClusters.namespaceExists(context, topic, writer)) {
                topics.add(topic);
            }
        }
        for (GenericKubernetesResource user : owned.users().values()) {
            if (KafkaClusters.namespaceExists(context, user, writer)) {
                users.add(user);
            }
        }
        return !KafkaRetirement.retire(stack, topics, users, writer, context, waits.kafkaUnmanaged(), Instant.now());
    }

    private void watch(Context<AppStack> context, StrimziApiVersion version) {
        if (!watching) {
            KafkaEventSources.register(context, version);
            watching = true;
        }
    }
}
