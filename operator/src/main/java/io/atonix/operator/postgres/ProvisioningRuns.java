package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Provisioning off the reconcile threads. A server that does not answer holds a connection for the driver's connect
 * and login timeouts (10 s each); on java-operator-sdk's reconcile threads, which every controller shares, a few
 * hundred such servers would hold up every other stack's reconcile. Here they hold only this pool's threads, and a
 * finished run triggers a reconcile of its Postgres, which reads the outcome.
 */
final class ProvisioningRuns extends AbstractEventSource<ProvisioningRuns.Run, Postgres>
        implements ResourceEventAware<Postgres> {
    static final String NAME = "postgres-provisioning";

    /**
     * One run: the inputs it started from (spec, server and Secrets), its outcome ("" or why it failed), and the failure
     * of the run before it, which stands while this one is under way.
     */
    static final class Run {
        final String inputs;
        final CompletableFuture<String> outcome;
        final String previousFailure;
        volatile boolean told;

        Run(String inputs, CompletableFuture<String> outcome, String previousFailure) {
            this.inputs = inputs;
            this.outcome = outcome;
            this.previousFailure = previousFailure;
        }

        String failure() {
            return outcome.isDone() && !outcome.join().isEmpty() ? outcome.join() : null;
        }
    }

    private final Map<ResourceID, Run> runs = new ConcurrentHashMap<>();
    private final int threads;
    private volatile ExecutorService pool;

    ProvisioningRuns(int threads) {
        super(Run.class, NAME);
        this.threads = threads;
    }

    /**
     * The outcome of provisioning from these inputs: "" when it succeeded, why it failed, or empty while a first run is
     * under way (then one is). A success stands until the inputs change. A failure is told once; the next call runs
     * again, and the failure stands until that run ends, so that a retry does not make the status flap.
     */
    Optional<String> outcome(ResourceID postgres, String inputs, Supplier<String> provisioning) {
        Run run = runs.get(postgres);
        if (run != null && !run.outcome.isDone()) {
            return Optional.ofNullable(run.previousFailure);
        }
        if (run != null && run.inputs.equals(inputs) && (run.failure() == null || !run.told)) {
            run.told = true;
            return Optional.of(run.outcome.join());
        }
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(provisioning, pool)
                .exceptionally(e -> "provisioning stopped: " + (e.getCause() == null ? e : e.getCause()));
        Run next = new Run(inputs, outcome, run == null ? null : run.failure());
        runs.put(postgres, next);
        outcome.whenComplete((done, error) -> getEventHandler().handleEvent(new Event(postgres)));
        return Optional.ofNullable(next.previousFailure);
    }

    /** A server that is not ready, or gone, is provisioned anew when it is back. */
    void forget(ResourceID postgres) {
        runs.remove(postgres);
    }

    @Override
    public Set<Run> getSecondaryResources(Postgres postgres) {
        Run run = runs.get(ResourceID.fromResource(postgres));
        return run == null ? Set.of() : Set.of(run);
    }

    @Override
    public void onResourceDeleted(Postgres postgres) {
        forget(ResourceID.fromResource(postgres));
    }

    @Override
    public void start() {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, NAME + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        pool.shutdownNow();
    }
}
