package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pods of the run the agent ran as processes, by kind (their first container's: an exporter beside PostgreSQL
 * makes no pod of its own), how many of those ran an exporter, and how many it only simulated: the summary line.
 */
final class DataPlaneCount {
    private final AtomicInteger processes = new AtomicInteger();
    private final AtomicInteger simulated = new AtomicInteger();
    private final AtomicInteger withExporter = new AtomicInteger();
    private final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();

    void started(Pod pod, List<String> podKinds) {
        if (podKinds.isEmpty()) {
            simulated.incrementAndGet();
            return;
        }
        processes.incrementAndGet();
        if (podKinds.contains("exporter")) {
            withExporter.incrementAndGet();
        }
        boolean job = pod.getMetadata().getOwnerReferences() != null
                && pod.getMetadata().getOwnerReferences().stream().anyMatch(o -> "Job".equals(o.getKind()));
        String kind = job ? "jobs" : podKinds.get(0);
        kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    String summary() {
        return "Data plane: " + processes.get() + " pods ran as processes (postgres " + of("postgres") + ", redis "
                + of("redis") + ", probe " + of("probe") + ", oauth2-proxy " + of("auth-proxy") + ", jobs " + of("jobs")
                + "; " + withExporter.get()
                + " of them with their exporter); " + simulated.get()
                + " pods on the agent's node simulated";
    }

    private int of(String kind) {
        AtomicInteger n = kinds.get(kind);
        return n == null ? 0 : n.get();
    }
}
