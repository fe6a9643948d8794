package io.atonix.operator.realcluster;

import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The namespaces one real-tier test class owns. Each class creates its namespaces under a prefix of its own, so that
 * two classes never share one (a prefix or a name claimed twice in the same run fails at once), and removes them when
 * it ends: first the custom resources, while the operator that put its finalizer on them still runs, then the
 * namespaces, waiting until the server has really removed them, so that no later operator process inherits a stack,
 * a Postgres or a Redis of this class. Before it removes them it fails the class if a controller could not create a
 * pod in one of its restricted namespaces because Pod Security refused it ({@link PodSecurityRefusals}).
 */
public final class OwnNamespaces {
    /** Removing a namespace waits for the namespace controller, the garbage collector and kwok on a busy machine. */
    static final Duration REMOVAL_TIMEOUT = Duration.ofMinutes(4);

    private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();
    private final KubernetesClient admin;
    private final String prefix;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> restrictedNames = new LinkedHashSet<>();

    /**
     * Claims the prefix for the calling class. The cluster must hold no AppStack, Postgres or Redis at this point: what
     * an earlier class left would be reconciled by this class's operator (the classes of a run share one cluster).
     */
    public OwnNamespaces(KubernetesClient admin, String prefix) {
        if (!CLAIMED.add("prefix " + prefix)) {
            throw new IllegalStateException("another test class already owns the namespace prefix " + prefix);
        }
        this.admin = admin;
        this.prefix = prefix;
        List<String> leftovers = new ArrayList<>();
        for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
            admin.resources(type)
                    .inAnyNamespace()
                    .list()
                    .getItems()
                    .forEach(r ->
                            leftovers.add(r.getKind() + " " + r.getMetadata().getNamespace() + "/"
                                    + r.getMetadata().getName()));
        }
        if (!leftovers.isEmpty()) {
            throw new IllegalStateException("an earlier test class left custom resources in the cluster: " + leftovers);
        }
    }

    /** The full name of this class's namespace {@code suffix}. */
    public String name(String suffix) {
        return prefix + "-" + suffix;
    }

    /** Creates this class's namespace that enforces, warns about and audits the restricted Pod Security profile. */
    public String restricted(String suffix) {
        return create(name(suffix), true);
    }

    /** Creates this class's namespace without Pod Security labels. */
    public String plain(String suffix) {
        return create(name(suffix), false);
    }

    /** Creates a namespace whose name is fixed elsewhere (the chart's own), owned by this class from now on. */
    String exact(String name, boolean restricted) {
        return create(name, restricted);
    }

    private String create(String name, boolean restricted) {
        if (!CLAIMED.add(name)) {
            throw new IllegalStateException("the namespace " + name + " is already owned by a test");
        }
        names.add(name);
        if (restricted) {
            restrictedNames.add(name);
        }
        NamespaceBuilder namespace =
                new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
        if (restricted) {
            namespace
                    .editMetadata()
                    .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                    .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                    .addToLabels("pod-security.kubernetes.io/audit", "restricted")
                    .endMetadata();
        }
        admin.namespaces().resource(namespace.build()).create();
        // Pods can be created once the ServiceAccount controller has made the namespace's default account.
        await("the default ServiceAccount of " + name)
                .atMost(REMOVAL_TIMEOUT)
                .until(() -> admin.serviceAccounts()
                                .inNamespace(name)
                                .withName("default")
                                .get()
                        != null);
        return name;
    }

    /**
     * Deletes the AppStacks, Postgreses and Redises in a namespace and waits until they are gone. Call it while the
     * operator that put its finalizer on them still runs: it is what releases them.
     */
    public void deleteCustomResources(String namespace) {
        for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
            admin.resources(type).inNamespace(namespace).delete();
        }
        await("the custom resources in " + namespace + " to be gone")
                .atMost(REMOVAL_TIMEOUT)
                .until(() -> customResources(namespace).isEmpty());
    }

    /**
     * Removes every namespace of this class and waits until the server has. The custom resources go first, waiting for
     * the operator to release them; one that no operator releases any more (the class's operator already stopped) has
     * its finalizers removed by the test as a last resort, which it says on standard error.
     */
    public void removeAll() {
        // Read before the namespaces, and their Events, go; reported once they are gone.
        List<String> refusals = new ArrayList<>();
        for (String namespace : restrictedNames) {
            refusals.addAll(PodSecurityRefusals.in(admin, namespace));
        }
        remove();
        if (!refusals.isEmpty()) {
            throw new AssertionError("Pod Security restricted refused pods of these controllers: " + refusals);
        }
    }

    private void remove() {
        List<String> stuck = new ArrayList<>();
        for (String namespace : names) {
            if (admin.namespaces().withName(namespace).get() == null) {
                continue;
            }
            for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
                admin.resources(type).inNamespace(namespace).delete();
            }
        }
        try {
            await("the custom resources of the test's namespaces to be gone")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> names.stream().allMatch(n -> customResources(n).isEmpty()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            for (String namespace : names) {
                for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
                    stuck.addAll(stripFinalizers(type, namespace));
                }
            }
            System.err.println("*** No operator released these resources; the test removed their finalizers: " + stuck);
        }
        for (String namespace : names) {
            admin.namespaces().withName(namespace).delete();
        }
        await("the namespaces " + names + " to be gone")
                .atMost(REMOVAL_TIMEOUT)
                .until(() -> names.stream()
                        .allMatch(n -> admin.namespaces().withName(n).get() == null));
    }

    private <T extends HasMetadata> List<String> stripFinalizers(Class<T> type, String namespace) {
        List<String> stripped = new ArrayList<>();
        for (T resource : admin.resources(type).inNamespace(namespace).list().getItems()) {
            stripped.add(resource.getKind() + " " + namespace + "/"
                    + resource.getMetadata().getName() + " "
                    + resource.getMetadata().getFinalizers());
            Updates.change(
                    admin,
                    type,
                    namespace,
                    resource.getMetadata().getName(),
                    r -> r.getMetadata().setFinalizers(List.of()));
        }
        return stripped;
    }

    private List<HasMetadata> customResources(String namespace) {
        List<HasMetadata> found = new ArrayList<>();
        for (Class<? extends HasMetadata> type : List.of(AppStack.class, Postgres.class, Redis.class)) {
            found.addAll(admin.resources(type).inNamespace(namespace).list().getItems());
        }
        return found;
    }
}
