package io.atonix.benchmark.measure;

import io.atonix.benchmark.stacks.BenchStacks;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Creates the stacks from their YAML, a fixed number at a time; the operator run and the baseline use the same. */
final class StackWriter {

    private StackWriter() {}

    static GenericKubernetesResource createStack(KubernetesClient client, BenchStacks stacks, int index) {
        GenericKubernetesResource stack =
                client.getKubernetesSerialization().unmarshal(stacks.yaml(index), GenericKubernetesResource.class);
        return client.resource(stack).create();
    }

    /** Runs the work for every stack on a pool of the given size; returns when all are done. */
    static void forEachStack(BenchStacks stacks, int threads, IntConsumer work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int index : stacks.indexes()) {
                done.add(pool.submit(() -> work.accept(index)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "creating the stacks failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
