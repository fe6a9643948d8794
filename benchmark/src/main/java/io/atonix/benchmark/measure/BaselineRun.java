package io.atonix.benchmark.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.atonix.benchmark.requests.ApiRequest;
import io.atonix.benchmark.requests.Caller;
import io.atonix.benchmark.requests.VerbCounts;
import io.atonix.benchmark.server.ApiServer;
import io.atonix.benchmark.server.PreparedServer;
import io.atonix.benchmark.server.ServerFactory;
import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.benchmark.stacks.DesiredState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The baseline: no operator, a plain fabric8 client writing each stack and then exactly the objects render prints
 * for it, in render's order, with the stack's uid in their owner references (which render cannot know). Same kind
 * of fresh server, same tracker, same number of stacks written at once as the operator run.
 */
public final class BaselineRun {
    private final RunSettings settings;

    public BaselineRun(RunSettings settings) {
        this.settings = settings;
    }

    public BaselineFigures run(ServerFactory servers, BenchStacks stacks, DesiredState desired, Path work) throws Exception {
        try (PreparedServer prepared = PreparedServer.start(servers, work, settings.repositoryRoot(), stacks, desired)) {
            ApiServer server = prepared.server();
            KubernetesClient client = prepared.client();
            List<List<HasMetadata>> perStack = stacks.indexes().stream().map(i -> desired.of(stacks, i)).toList();
            try (ObjectTracker tracker = new ObjectTracker(prepared.watcher(), desired, stacks.count())) {
                int mark = server.requests().mark();
                long start = System.nanoTime();
                StackWriter.forEachStack(stacks, settings.clientThreads(), index -> {
                    GenericKubernetesResource stack = StackWriter.createStack(client, stacks, index);
                    for (HasMetadata object : perStack.get(index - 1)) {
                        client.resource(ownedBy(client, object, stack)).create();
                    }
                });
                long converged = tracker.awaitConverged(start + settings.timeout().toNanos());
                // An audit log is read a little behind the server; wait until the last write has been seen.
                Quiet.await(server.requests(), r -> r.caller() == Caller.BENCHMARK && r.writes(), converged, Duration.ofSeconds(2),
                        settings.timeout());
                List<ApiRequest> requests = server.requests().since(mark).stream().filter(ApiRequest::writes).toList();
                return new BaselineFigures(OperatorRun.seconds(converged - start), VerbCounts.of(requests, Caller.BENCHMARK));
            }
        }
    }

    private static HasMetadata ownedBy(KubernetesClient client, HasMetadata object, GenericKubernetesResource stack) {
        HasMetadata copy = client.getKubernetesSerialization().clone(object);
        List<OwnerReference> owners = copy.getMetadata().getOwnerReferences();
        if (owners != null) {
            for (OwnerReference owner : owners) {
                if ("AppStack".equals(owner.getKind()) && stack.getMetadata().getName().equals(owner.getName())) {
                    owner.setUid(stack.getMetadata().getUid());
                }
            }
        }
        return copy;
    }
}
