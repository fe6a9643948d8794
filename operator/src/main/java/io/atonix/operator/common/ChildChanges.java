package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The children one reconcile created, updated or deleted, reported as one Event per verb ("Created 14 objects:
 * Deployment web, ...") instead of one per child: a new stack then costs 1 Event rather than one per object, which
 * was a third of the API writes of its creation (docs/performance.md). The dependents of a workflow run on several
 * threads and add to the same collector, kept in the reconcile's context.
 */
public final class ChildChanges {
    public static final String CREATED = "Created";
    public static final String UPDATED = "Updated";
    public static final String DELETED = "Deleted";
    private static final Object KEY = ChildChanges.class;
    private static final List<String> VERBS = List.of(CREATED, UPDATED, DELETED);

    private final Map<String, ConcurrentLinkedQueue<String>> changes = new ConcurrentHashMap<>();

    private ChildChanges() {}

    /** Starts collecting for this reconcile; {@link #report} sends what was collected. */
    public static void collect(Context<?> context) {
        context.managedWorkflowAndDependentResourceContext().put(KEY, new ChildChanges());
    }

    /**
     * Notes a change of a child. Outside a collecting reconcile (a cleanup, say) the Event is recorded at once.
     *
     * @param what the child as people name it, e.g. "Deployment web"
     */
    public static void record(Context<?> context, HasMetadata primary, String verb, String what) {
        var collector = context.managedWorkflowAndDependentResourceContext().get(KEY, ChildChanges.class);
        if (collector.isPresent()) {
            collector
                    .get()
                    .changes
                    .computeIfAbsent(verb, v -> new ConcurrentLinkedQueue<>())
                    .add(what);
        } else {
            EventRecorder.record(context.getClient(), primary, EventRecorder.NORMAL, verb, verb + " " + what);
        }
    }

    /** Records one Event per verb for what was collected so far, and starts afresh. */
    public static void report(Context<?> context, HasMetadata primary) {
        var collector = context.managedWorkflowAndDependentResourceContext().get(KEY, ChildChanges.class);
        if (collector.isEmpty()) {
            return;
        }
        KubernetesClient client = context.getClient();
        for (String verb : VERBS) {
            ConcurrentLinkedQueue<String> queue = collector.get().changes.remove(verb);
            if (queue == null || queue.isEmpty()) {
                continue;
            }
            List<String> objects = new ArrayList<>(queue);
            objects.sort(null);
            String message = objects.size() == 1
                    ? verb + " " + objects.get(0)
                    : verb + " " + objects.size() + " objects: " + String.join(", ", objects);
            EventRecorder.record(client, primary, EventRecorder.NORMAL, verb, message);
        }
    }
}
