package io.atonix.benchmark.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.benchmark.stacks.DesiredState;
import io.atonix.benchmark.stacks.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Watches every kind render prints (one watch per kind, across namespaces) and knows at each moment which desired
 * objects exist as desired; also watches the AppStacks for their status. The same tracker, with the same load on the
 * server, measures the operator and the baseline.
 */
public final class ObjectTracker implements AutoCloseable {
    private static final String APPSTACK_VERSION = "atonix.io/v1beta1";
    private static final long REPORT_EVERY_NANOS = 60_000_000_000L;
    private final KubernetesClient client;
    private final Map<ObjectKey, JsonNode> desired;
    private final Set<ObjectKey> asDesired = ConcurrentHashMap.newKeySet();
    private final Map<ObjectKey, String> differences = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
    private final List<Consumer<HasMetadata>> listeners = new CopyOnWriteArrayList<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile long convergedNanos;
    private volatile long allReportedNanos;
    private volatile long allReadyNanos;
    private final int stacks;

    public ObjectTracker(KubernetesClient client, DesiredState desired, int stacks) {
        this.client = client;
        this.desired = desired.byKey();
        this.stacks = stacks;
        for (HasMetadata example : desired.kinds().values()) {
            informers.add(inform(example));
        }
        informers.add(client.genericKubernetesResources(APPSTACK_VERSION, "AppStack")
                .inAnyNamespace()
                .inform(handler(this::stackSeen), 0));
    }

    @SuppressWarnings("unchecked")
    private SharedIndexInformer<?> inform(HasMetadata example) {
        var label = Map.of("app.kubernetes.io/managed-by", "atonix-operator");
        if (example instanceof GenericKubernetesResource) {
            return client.genericKubernetesResources(example.getApiVersion(), example.getKind())
                    .inAnyNamespace()
                    .withLabels(label)
                    .inform(handler(this::seen), 0);
        }
        return informTyped((Class<HasMetadata>) example.getClass(), label);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> informTyped(Class<T> type, Map<String, String> label) {
        return client.resources(type).inAnyNamespace().withLabels(label).inform(handler(this::seen), 0);
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<HasMetadata> onChange) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                onChange.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                onChange.accept(after);
            }

            @Override
            public void onDelete(T object, boolean unknownFinalState) {
                ObjectKey key = ObjectKey.of(object);
                asDesired.remove(key);
            }
        };
    }

    private void seen(HasMetadata object) {
        ObjectKey key = ObjectKey.of(object);
        JsonNode want = desired.get(key);
        if (want != null) {
            Optional<String> difference = AsDesired.difference(
                    want, client.getKubernetesSerialization().convertValue(object, JsonNode.class));
            if (difference.isEmpty()) {
                differences.remove(key);
                if (asDesired.add(key) && asDesired.size() == desired.size() && convergedNanos == 0) {
                    convergedNanos = System.nanoTime();
                }
            } else {
                differences.put(key, difference.get());
                asDesired.remove(key);
            }
        }
        listeners.forEach(l -> l.accept(object));
    }

    @SuppressWarnings("unchecked")
    private void stackSeen(HasMetadata object) {
        String key =
                object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
        Object status =
                ((GenericKubernetesResource) object).getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> map) {
            Object observed = map.get("observedGeneration");
            if (observed instanceof Number n
                    && n.longValue() == object.getMetadata().getGeneration()) {
                reported.put(key, true);
            }
            Object conditions = map.get("conditions");
            boolean isReady = conditions instanceof List<?> list
                    && list.stream()
                            .anyMatch(c -> c instanceof Map<?, ?> m
                                    && "Ready".equals(m.get("type"))
                                    && "True".equals(m.get("status")));
            ready.put(key, isReady);
        }
        long now = System.nanoTime();
        if (allReportedNanos == 0 && reported.size() == stacks) {
            allReportedNanos = now;
        }
        if (allReadyNanos == 0 && ready.size() == stacks && !ready.containsValue(false)) {
            allReadyNanos = now;
        }
    }

    /** Called with every object of a watched kind that is added or changes. */
    public void onChange(Consumer<HasMetadata> listener) {
        listeners.add(listener);
    }

    /** When every desired object first existed as desired; waits for it. */
    public long awaitConverged(long deadlineNanos, Progress progress) throws InterruptedException {
        // At N = 1,000 creation takes many minutes: a line a minute shows the rate, and how far a timed-out run got.
        long nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
        while (convergedNanos == 0) {
            long now = System.nanoTime();
            if (now > deadlineNanos) {
                throw new IllegalStateException(
                        asDesired.size() + " of " + desired.size() + " objects exist as desired; " + describeMissing());
            }
            if (now > nextReport) {
                progress.say(
                        "%d of %d objects as desired; %d of %d stacks report their generation",
                        asDesired.size(), desired.size(), reported.size(), stacks);
                nextReport = now + REPORT_EVERY_NANOS;
            }
            Thread.sleep(20);
        }
        return convergedNanos;
    }

    private String describeMissing() {
        List<String> examples = new ArrayList<>();
        for (ObjectKey key : desired.keySet()) {
            if (!asDesired.contains(key) && examples.size() < 5) {
                examples.add(key + (differences.containsKey(key) ? ": " + differences.get(key) : ": does not exist"));
            }
        }
        return "not as desired: " + String.join("; ", examples);
    }

    /** When every stack's status had observed its generation, or 0 if not yet. */
    public long allReportedNanos() {
        return allReportedNanos;
    }

    /** When every stack was Ready, or 0 if not yet. */
    public long allReadyNanos() {
        return allReadyNanos;
    }

    public long readyStacks() {
        return ready.values().stream().filter(Boolean::booleanValue).count();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
