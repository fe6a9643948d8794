package io.atonix.benchmark.measure;

import io.atonix.benchmark.stacks.BenchStacks;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Changes one field of one stack at a time, at a steady rate, round robin over the stacks: the value of the api
 * service's CHANGE variable. The latency of a change is from just before the patch is sent to the moment the
 * watch shows the api Deployment carrying the new value.
 */
public final class ChangeLatency {
    private static final String VARIABLE = "CHANGE";
    private static final String PATCH =
            "[{\"op\":\"replace\",\"path\":\"/spec/services/1/env/0/value\",\"value\":\"%d\"}]";

    /**
     * @param sent      changes sent
     * @param applied   changes seen in the Deployment
     * @param p50Ms     median latency
     * @param p99Ms     99th percentile
     * @param maxMs     slowest change
     */
    public record Result(
            int sent, int applied, double p50Ms, double p99Ms, double maxMs, double ratePerSecond, long seconds) {}

    private record Pending(long sequence, long sentNanos) {}

    private ChangeLatency() {}

    public static Result run(
            KubernetesClient client, ObjectTracker tracker, BenchStacks stacks, int perSecond, Duration duration)
            throws InterruptedException {
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        tracker.onChange(object -> observe(object, pending, latencies));
        int total = (int) (duration.toSeconds() * perSecond);
        AtomicInteger sent = new AtomicInteger();
        // The ticks keep the rate; the patches run beside them, so a slow answer does not slow the next change.
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ExecutorService patches = Executors.newFixedThreadPool(4);
        ticks.scheduleAtFixedRate(
                () -> {
                    int sequence = sent.incrementAndGet();
                    if (sequence > total) {
                        return;
                    }
                    int index = (sequence - 1) % stacks.count() + 1;
                    pending.put(stacks.namespace(index), new Pending(sequence, System.nanoTime()));
                    patches.submit(() -> client.genericKubernetesResources("atonix.io/v1beta1", "AppStack")
                            .inNamespace(stacks.namespace(index))
                            .withName(stacks.name(index))
                            .patch(PatchContext.of(PatchType.JSON), PATCH.formatted(sequence)));
                },
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);
        Thread.sleep(duration.toMillis());
        while (sent.get() < total) {
            Thread.sleep(10);
        }
        ticks.shutdownNow();
        patches.shutdown();
        patches.awaitTermination(60, TimeUnit.SECONDS);
        // Give the last changes time to arrive; one still missing after this counts as not applied.
        long wait = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < wait) {
            Thread.sleep(50);
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                total,
                sorted.size(),
                Percentiles.of(sorted, 50),
                Percentiles.of(sorted, 99),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
                perSecond,
                duration.toSeconds());
    }

    private static void observe(HasMetadata object, Map<String, Pending> pending, List<Double> latencies) {
        if (!(object instanceof Deployment deployment)) {
            return;
        }
        long now = System.nanoTime();
        Pending change = pending.get(deployment.getMetadata().getNamespace());
        if (change == null) {
            return;
        }
        for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvVar variable : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                if (VARIABLE.equals(variable.getName())
                        && String.valueOf(change.sequence()).equals(variable.getValue())
                        && pending.remove(deployment.getMetadata().getNamespace(), change)) {
                    latencies.add((now - change.sentNanos()) / 1e6);
                    return;
                }
            }
        }
    }
}
