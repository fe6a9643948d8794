package io.atonix.operator.install;

import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The permissions the operator's code needs, read from the code itself: the controllers' primary resources, the
 * dependents of their {@code @Workflow}s and what java-operator-sdk does with each (by the interfaces it implements),
 * the client calls the code makes outside dependents, and leader election. Every permission carries why it is needed.
 *
 * <p>Rules, as java-operator-sdk 5.3 acts:
 * <ul>
 * <li>a primary and every dependent: get, list, watch (their informers; get for the direct reads that follow them);</li>
 * <li>Creator: create (with server-side apply also patch); Updater: update (with server-side apply patch) unless its
 * {@code match} holds for any two objects without looking at the cluster (a create-only dependent);</li>
 * <li>Deleter: a bulk dependent deletes the objects it no longer wants through {@code deleteTargetResource}, unless that
 * method does nothing; any other is deleted when it is not GarbageCollected, or when a reconcile precondition on it
 * or on a dependent it depends on does not hold;</li>
 * <li>a Cleaner reconciler, or a dependent deleted on cleanup, puts a finalizer on the primary: patch;</li>
 * <li>an activation condition of CRDPresentActivationCondition reads the CRD: get;</li>
 * <li>direct client calls: declared per source file in {@link #DIRECT_USES}; a file that calls the client and is not
 * declared there fails the derivation.</li>
 * </ul>
 */
final class PermissionsFromCode {
    private static final Pattern CLIENT_CALL = Pattern.compile(
            "getClient\\(\\)(?!\\.getKubernetesSerialization\\(\\))|\\bKubernetesClient\\b|resourceOperations\\(\\)");
    private static final List<String> READ = List.of("get", "list", "watch");
    /** Cluster-scoped resources the code reads directly. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            HasMetadata.getPlural(CustomResourceDefinition.class),
            HasMetadata.getPlural(Namespace.class),
            HasMetadata.getPlural(PersistentVolume.class));

    private static final Map<Permission, String> LEADER_ELECTION = Map.of(
            of(Lease.class, "get"), "fabric8's LeaseLock reads the Lease",
            of(Lease.class, "create"), "fabric8's LeaseLock creates the Lease when there is none",
            of(Lease.class, "patch"), "fabric8's LeaseLock (7.5) takes and renews the Lease with a PATCH",
            of(Lease.class, "update"),
                    "java-operator-sdk's LeaderElectionManager refuses to start unless one rule grants get, create and update");

    /**
     * What each source file that uses the client directly does with it, beyond what the dependent rules already grant.
     * Keyed by path under src/main/java; the value maps the controllers' primary types to the permissions.
     */
    private static final Map<String, Function<List<Class<? extends HasMetadata>>, Map<Permission, String>>>
            DIRECT_USES = Map.ofEntries(
                    Map.entry(
                            "io/atonix/operator/appstack/ReferencedKeys.java",
                            primaries -> Map.of(
                                    of(Secret.class, "get"),
                                            "ReferencedKeys: the Secrets an AppStack's env refers to exist (ClusterChecks)",
                                    of(ConfigMap.class, "get"),
                                            "ReferencedKeys: the ConfigMaps an AppStack's env refers to exist (ClusterChecks)")),
                    Map.entry(
                            "io/atonix/operator/appstack/RetiredDashboards.java",
                            primaries -> Map.of(
                                    of(ConfigMap.class, "list"),
                                            "RetiredDashboards: finds the per-stack dashboards of earlier versions, once per namespace",
                                    of(ConfigMap.class, "delete"),
                                            "RetiredDashboards: deletes them (one dashboard serves every stack now)")),
                    Map.entry(
                            "io/atonix/operator/common/EventRecorder.java",
                            primaries -> Map.of(
                                    of(Event.class, "create"), "EventRecorder: an Event for each significant action")),
                    Map.entry("io/atonix/operator/common/StatusWriter.java", primaries -> statusUpdates(primaries)),
                    Map.entry(
                            "io/atonix/operator/postgres/ArchiveObservation.java",
                            primaries -> Map.of(
                                    of(Pod.class, "list"),
                                    "ArchiveObservation: the termination messages of a Postgres' base backups and"
                                            + " recovery")),
                    Map.entry(
                            "io/atonix/operator/common/CrdPresence.java",
                            primaries -> Map.of(
                                    of(CustomResourceDefinition.class, "get"),
                                    "CrdPresence: whether the CRDs of the Prometheus Operator, cert-manager, the"
                                            + " Gateway API, KEDA and COSI exist")),
                    Map.entry("io/atonix/operator/edge/CertManagerInstalled.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/keda/KedaInstalled.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/keda/KedaApi.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/objectstore/CosiInstalled.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/objectstore/CosiApi.java", primaries -> Map.of()),
                    // Passes the client to EventRecorder.
                    Map.entry("io/atonix/operator/keda/KedaFallbackEvent.java", primaries -> Map.of()),
                    Map.entry(
                            "io/atonix/operator/appstack/HorizontalPodAutoscalerDependent.java", primaries -> Map.of()),
                    // Reads the Ingress and HTTPRoute informers' caches, and before the HTTPRoute informer starts
                    // lists the stacks' HTTPRoutes once, which the dependent's rules (list) cover.
                    Map.entry("io/atonix/operator/appstack/ServedRoute.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/edge/GatewayApiInstalled.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/edge/CertManagerApi.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/edge/GatewayApi.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/monitoring/PrometheusOperatorApi.java", primaries -> Map.of()),
                    Map.entry(
                            "io/atonix/operator/postgres/PostgresCredentialsDependent.java",
                            primaries -> Map.of(
                                    of(Secret.class, "update"),
                                    "PostgresCredentialsDependent: a new password when a person asks for a rotation")),
                    Map.entry(
                            "io/atonix/operator/redis/RedisCredentialsDependent.java",
                            primaries -> Map.of(
                                    of(Secret.class, "update"),
                                    "RedisCredentialsDependent: a new password when a person asks for a rotation")),
                    Map.entry(
                            "io/atonix/operator/common/Retention.java",
                            primaries -> Map.of(
                                    of(Secret.class, "patch"),
                                            "Retention: owner reference and retained-by annotations of a kept credential as deletionPolicy says",
                                    of(PersistentVolumeClaim.class, "patch"),
                                            "Retention: owner reference and retained-by annotations of a kept claim as deletionPolicy says")),
                    Map.entry(
                            "io/atonix/operator/postgres/SecretWait.java",
                            primaries -> Map.of(
                                    of(Secret.class, "get"),
                                    "SecretWait: whether the Secrets a Postgres' spec names exist, while its server is not ready")),
                    Map.entry(
                            "io/atonix/operator/postgres/VolumeGrowth.java",
                            primaries -> Map.of(
                                    of(PersistentVolumeClaim.class, "get"),
                                            "VolumeGrowth: reads a data claim before asking it for more storage",
                                    of(PersistentVolumeClaim.class, "patch"),
                                            "VolumeGrowth: asks a data claim for the spec's size and notes when")),
                    Map.entry(
                            "io/atonix/operator/common/VolumeReclaim.java",
                            primaries -> Map.of(
                                    of(PersistentVolume.class, "get"),
                                            "VolumeReclaim: the reclaim policy of a kept claim's volume",
                                    of(PersistentVolume.class, "patch"),
                                            "VolumeReclaim: reclaim policy Retain on a kept claim's volume under deletionPolicy Retain",
                                    of(PersistentVolumeClaim.class, "patch"),
                                            "VolumeReclaim: notes on the claim which volume it retained")),
                    Map.entry("io/atonix/operator/common/ReopenedData.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/postgres/PostgresRetention.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/redis/RedisRetention.java", primaries -> Map.of()),
                    // These pass the client to EventRecorder or to a check above, or delete a bulk dependent's own
                    // objects in
                    // deleteTargetResource, which the dependent rules cover.
                    Map.entry("io/atonix/operator/postgres/PostgresReconciler.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/appstack/StackChildDependent.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/common/ChildChanges.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/common/OptionalChildDependent.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/postgres/PostgresServicesDependent.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/appstack/NetworkPolicyDependent.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/common/ReconcileFlow.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/common/ReadinessEvents.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/redis/RedisAclDependent.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/monitoring/PrometheusOperatorInstalled.java", primaries -> Map.of()),
                    Map.entry("io/atonix/operator/appstack/ObservedStatus.java", primaries -> Map.of()),
                    // Builds the client (RetryAfter) and closes it; it calls the API server for nothing.
                    Map.entry("io/atonix/operator/common/KubernetesClientProducer.java", primaries -> Map.of()),
                    // The Kafka part registers its informers at run time (KafkaEventSources), so no annotation names
                    // them.
                    Map.entry("io/atonix/operator/kafka/KafkaStep.java", primaries -> kafkaStep()),
                    Map.entry(
                            "io/atonix/operator/objectstore/ObjectStoreStep.java",
                            primaries -> Map.of(
                                    of(Secret.class, "create"),
                                            "ObjectStoreStep: creates a use's object store binding Secret",
                                    of(Secret.class, "update"),
                                            "ObjectStoreStep: rewrites a binding Secret when its store or credentials change",
                                    of(Secret.class, "delete"),
                                            "ObjectStoreStep: deletes the binding Secret of a use that is gone")),
                    Map.entry(
                            "io/atonix/operator/kafka/KafkaBindingSecrets.java",
                            primaries -> Map.of(
                                    of(Secret.class, "create"),
                                            "KafkaBindingSecrets: creates a service's Kafka binding Secret",
                                    of(Secret.class, "update"),
                                            "KafkaBindingSecrets: rewrites a binding Secret when Strimzi rotates the credentials",
                                    of(Secret.class, "delete"),
                                            "KafkaBindingSecrets: deletes the binding Secret of a service that stopped using Kafka")),
                    Map.entry(
                            "io/atonix/operator/kafka/KafkaClusters.java",
                            primaries -> Map.of(
                                    of(Namespace.class, "get"),
                                    "KafkaClusters: on cleanup, whether the Kafka namespace still exists")),
                    Map.entry(
                            "io/atonix/operator/kafka/StrimziWriter.java",
                            primaries -> Map.of(
                                    of(KafkaTopic.class, "create"), "StrimziWriter: creates the stack's KafkaTopics",
                                    of(KafkaTopic.class, "update"),
                                            "StrimziWriter: replaces a KafkaTopic's spec, or detaches it (strimzi.io/managed)",
                                    of(KafkaTopic.class, "delete"), "StrimziWriter: deletes a retired KafkaTopic",
                                    of(KafkaUser.class, "create"),
                                            "StrimziWriter: creates a KafkaUser per service that uses Kafka",
                                    of(KafkaUser.class, "update"), "StrimziWriter: replaces a KafkaUser's spec",
                                    of(KafkaUser.class, "delete"), "StrimziWriter: deletes a retired KafkaUser")),
                    // API discovery, which every authenticated client may read.
                    Map.entry("io/atonix/operator/kafka/StrimziDiscovery.java", primaries -> Map.of()));

    /** The resource types the informers a reconciler declares in prepareEventSources watch, by reconciler. */
    private static final Map<String, List<Class<? extends HasMetadata>>> OWN_EVENT_SOURCES = Map.of(
            "AppStackReconciler", List.of(Secret.class),
            "RedisReconciler", List.of(PersistentVolumeClaim.class),
            // ProvisioningRuns: finished provisioning runs, not an informer; it watches nothing.
            "PostgresReconciler", List.of());

    /** A permission and whether it is needed in every watched namespace or cluster-wide. */
    record Need(Permission permission, boolean namespaced) {}

    private final Map<Need, List<String>> watched =
            new TreeMap<>((a, b) -> a.permission().compareTo(b.permission()));
    private final Map<Permission, List<String>> operatorNamespace = new TreeMap<>();

    private PermissionsFromCode() {}

    static PermissionsFromCode derive() {
        PermissionsFromCode derived = new PermissionsFromCode();
        List<Class<?>> classes = mainClasses();
        List<Class<? extends HasMetadata>> primaries = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(ControllerConfiguration.class) && Reconciler.class.isAssignableFrom(type)) {
                primaries.add(derived.controller(type));
            }
            if (producesLeaderElection(type)) {
                LEADER_ELECTION.forEach((permission, why) -> derived.operatorNamespace
                        .computeIfAbsent(permission, p -> new ArrayList<>())
                        .add(type.getSimpleName() + ": leader election: " + why));
            }
        }
        if (primaries.isEmpty()) {
            throw new IllegalStateException("no reconciler found in " + mainClassesDirectory());
        }
        derived.directUses(primaries);
        return derived;
    }

    /** Permissions in each namespace the operator watches (all of them, or the listed ones). */
    Map<Permission, List<String>> inWatchedNamespaces() {
        return select(true);
    }

    /** Permissions on cluster-scoped resources, needed whatever namespaces are watched. */
    Map<Permission, List<String>> clusterScoped() {
        return select(false);
    }

    /** Permissions in the operator's own namespace. */
    Map<Permission, List<String>> inOperatorNamespace() {
        return operatorNamespace;
    }

    private Map<Permission, List<String>> select(boolean namespaced) {
        Map<Permission, List<String>> result = new TreeMap<>();
        watched.forEach((need, why) -> {
            if (need.namespaced() == namespaced) {
                result.put(need.permission(), why);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private Class<? extends HasMetadata> controller(Class<?> reconciler) {
        Class<? extends HasMetadata> primary =
                (Class<? extends HasMetadata>) typeArgument(reconciler, Reconciler.class);
        String name = reconciler.getSimpleName();
        for (String verb : READ) {
            need(of(primary, verb), primary, name + ": informer of its primary resource");
        }
        if (Arrays.stream(reconciler.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals("prepareEventSources"))) {
            List<Class<? extends HasMetadata>> informed = OWN_EVENT_SOURCES.get(name);
            if (informed == null) {
                throw new IllegalStateException(name + " declares event sources of its own; declare what they watch in "
                        + "PermissionsFromCode.OWN_EVENT_SOURCES");
            }
            for (Class<? extends HasMetadata> type : informed) {
                for (String verb : READ) {
                    need(of(type, verb), primary, name + ": informer of its own (prepareEventSources)");
                }
            }
        }
        Workflow workflow = reconciler.getAnnotation(Workflow.class);
        Dependent[] dependents = workflow == null ? new Dependent[0] : workflow.dependents();
        Map<String, Dependent> byName = new HashMap<>();
        for (Dependent dependent : dependents) {
            byName.put(dependent.name(), dependent);
        }
        boolean finalizer = Cleaner.class.isAssignableFrom(reconciler);
        for (Dependent dependent : dependents) {
            finalizer |= dependent(name, dependent, byName);
        }
        if (finalizer) {
            need(of(primary, "patch"), primary, name + ": adds and removes its finalizer on the primary resource");
        }
        return primary;
    }

    /** Adds what one dependent needs; true when java-operator-sdk deletes it on cleanup (which needs a finalizer). */
    private boolean dependent(String controller, Dependent declaration, Map<String, Dependent> workflow) {
        Class<?> type = declaration.type();
        if (!KubernetesDependentResource.class.isAssignableFrom(type)) {
            throw new IllegalStateException(
                    type.getSimpleName() + " is not a KubernetesDependentResource; teach PermissionsFromCode about it");
        }
        KubernetesDependentResource<?, ?> instance = instantiate(type);
        @SuppressWarnings("unchecked")
        Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) instance.resourceType();
        if (resource == GenericKubernetesResource.class) {
            throw new IllegalStateException(type.getSimpleName()
                    + " manages generic resources; teach PermissionsFromCode their group and plural");
        }
        String who = controller + " / " + type.getSimpleName();
        for (String verb : READ) {
            need(of(resource, verb), resource, who + ": informer");
        }
        boolean ssa = serverSideApply(type);
        if (instance instanceof Creator<?, ?>) {
            need(of(resource, "create"), resource, who + ": Creator");
            if (ssa) {
                need(of(resource, "patch"), resource, who + ": Creator, by server-side apply");
            }
        }
        if (instance instanceof Updater<?, ?> && !alwaysMatches(instance, resource)) {
            need(
                    of(resource, ssa ? "patch" : "update"),
                    resource,
                    who + ": Updater" + (ssa ? ", by server-side apply" : ", by replace"));
        }
        boolean deletedOnCleanup = false;
        if (instance instanceof Deleter<?>) {
            boolean garbageCollected = instance instanceof GarbageCollected<?>;
            String reason = null;
            if (instance instanceof BulkDependentResource<?, ?, ?> bulk) {
                reason = deletesNothing(bulk) ? null : "deletes the objects it no longer wants (bulk Deleter)";
            } else if (!garbageCollected) {
                reason = "Deleter, not GarbageCollected";
            } else if (preconditionOnPath(declaration, workflow)) {
                reason = "deleted when a reconcile precondition does not hold";
            }
            if (reason != null) {
                need(of(resource, "delete"), resource, who + ": " + reason);
            }
            deletedOnCleanup = !garbageCollected;
        }
        if (CRDPresentActivationCondition.class.isAssignableFrom(declaration.activationCondition())) {
            need(
                    of(CustomResourceDefinition.class, "get"),
                    CustomResourceDefinition.class,
                    who + ": activation condition reads the CRD");
        }
        return deletedOnCleanup;
    }

    private void directUses(List<Class<? extends HasMetadata>> primaries) {
        Path sources = mainSourcesDirectory();
        Set<String> callers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (CLIENT_CALL.matcher(Files.readString(file)).find()) {
                    callers.add(sources.relativize(file).toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> undeclared = new TreeSet<>(callers);
        undeclared.removeAll(DIRECT_USES.keySet());
        Set<String> gone = new TreeSet<>(DIRECT_USES.keySet());
        gone.removeAll(callers);
        if (!undeclared.isEmpty() || !gone.isEmpty()) {
            throw new IllegalStateException("Source files that use the Kubernetes client directly changed. Declare in "
                    + "PermissionsFromCode.DIRECT_USES what these do with it: " + undeclared
                    + "; and remove these, which no "
                    + "longer use it: " + gone);
        }
        for (var use : DIRECT_USES.values()) {
            use.apply(primaries)
                    .forEach((permission, why) -> watched.computeIfAbsent(
                                    new Need(permission, !CLUSTER_SCOPED.contains(permission.resource())),
                                    n -> new ArrayList<>())
                            .add(why));
        }
    }

    private static Map<Permission, String> kafkaStep() {
        Map<Permission, String> uses = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> informed :
                List.of(KafkaTopic.class, KafkaUser.class, Kafka.class, Secret.class)) {
            for (String verb : READ) {
                uses.put(
                        of(informed, verb),
                        "KafkaStep: informer registered at run time (KafkaEventSources); get for a lookup after a conflict");
            }
        }
        return uses;
    }

    private static Map<Permission, String> statusUpdates(List<Class<? extends HasMetadata>> primaries) {
        Map<Permission, String> updates = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> primary : primaries) {
            updates.put(
                    new Permission(group(primary), HasMetadata.getPlural(primary) + "/status", "update"),
                    "StatusWriter: writes the status of a " + primary.getSimpleName()
                            + " (ResourceOperations.updatePrimaryStatus, a PUT)");
        }
        return updates;
    }

    private void need(Permission permission, Class<? extends HasMetadata> resource, String why) {
        watched.computeIfAbsent(
                        new Need(permission, Namespaced.class.isAssignableFrom(resource)), n -> new ArrayList<>())
                .add(why);
    }

    static Permission of(Class<? extends HasMetadata> resource, String verb) {
        return new Permission(group(resource), HasMetadata.getPlural(resource), verb);
    }

    private static String group(Class<? extends HasMetadata> resource) {
        String group = HasMetadata.getGroup(resource);
        return group == null ? "" : group;
    }

    /** A create-only dependent: its match holds for two different objects without consulting the cluster. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean alwaysMatches(KubernetesDependentResource instance, Class<? extends HasMetadata> resource) {
        try {
            HasMetadata actual = resource.getDeclaredConstructor().newInstance();
            actual.setMetadata(new ObjectMetaBuilder()
                    .withName("probe-actual")
                    .addToLabels("probe", "actual")
                    .build());
            HasMetadata desired = resource.getDeclaredConstructor().newInstance();
            desired.setMetadata(new ObjectMetaBuilder()
                    .withName("probe-desired")
                    .addToLabels("probe", "desired")
                    .build());
            return instance.match(actual, desired, null, null).matched();
        } catch (NullPointerException | ClassCastException | UnsupportedOperationException e) {
            // It compares against the cluster (its context), so it may find a difference and update.
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bulk dependent whose deleteTargetResource returns without touching anything (its context is absent here). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean deletesNothing(BulkDependentResource bulk) {
        try {
            bulk.deleteTargetResource(null, null, null, null);
            return true;
        } catch (NullPointerException e) {
            return false;
        }
    }

    private static boolean preconditionOnPath(Dependent dependent, Map<String, Dependent> workflow) {
        if (dependent.reconcilePrecondition() != Condition.class) {
            return true;
        }
        for (String parent : dependent.dependsOn()) {
            Dependent declared = workflow.get(parent);
            if (declared != null && preconditionOnPath(declared, workflow)) {
                return true;
            }
        }
        return false;
    }

    private static boolean serverSideApply(Class<?> dependent) {
        KubernetesDependent annotation = dependent.getAnnotation(KubernetesDependent.class);
        BooleanWithUndefined declared = annotation == null ? BooleanWithUndefined.UNDEFINED : annotation.useSSA();
        if (declared != BooleanWithUndefined.UNDEFINED) {
            return declared == BooleanWithUndefined.TRUE;
        }
        Properties properties = new Properties();
        try (InputStream in =
                PermissionsFromCode.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Boolean.parseBoolean(properties.getProperty("quarkus.operator-sdk.enable-ssa", "true"));
    }

    private static boolean producesLeaderElection(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Produces.class)
                    && LeaderElectionConfiguration.class.isAssignableFrom(method.getReturnType())) {
                return true;
            }
        }
        return LeaderElectionConfiguration.class.isAssignableFrom(type) && type != LeaderElectionConfiguration.class;
    }

    private static KubernetesDependentResource<?, ?> instantiate(Class<?> type) {
        try {
            return (KubernetesDependentResource<?, ?>)
                    type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " to read its resource type", e);
        }
    }

    private static Class<?> typeArgument(Class<?> type, Class<?> generic) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType parameterized && parameterized.getRawType() == generic) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException(
                type.getName() + " does not implement " + generic.getSimpleName() + " directly");
    }

    private static List<Class<?>> mainClasses() {
        Path root = mainClassesDirectory();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace('/', '.')
                        .replace('\\', '.')
                        .replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, PermissionsFromCode.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** The operator's compiled main classes (target/classes), found through a class that lives there. */
    private static Path mainClassesDirectory() {
        try {
            return Path.of(Labels.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path mainSourcesDirectory() {
        return mainClassesDirectory().resolve("../../src/main/java").normalize();
    }
}
