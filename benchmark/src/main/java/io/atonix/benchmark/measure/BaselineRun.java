package io.atonix.benchmark.measure;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: no operator, a plain fabric8 client writing each stack and then exactly the objects render prints
 * for it (and for its child Postgres and Redis), in render's order, with the uids of their owners in their owner
 * references (which render cannot know). Same kind
 * of fresh server, same tracker, same number of stacks written at once as the operator run.
 */
public final class BaselineRun {
    private final RunSettings settings;
    private final Progress progress;

    public BaselineRun(RunSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public BaselineFigures run(ServerFactory servers, BenchStacks stacks, DesiredState desired, Path work)
            throws Exception {
        try (PreparedServer prepared =
                PreparedServer.start(servers, work, settings.repositoryRoot(), stacks, desired)) {
            ApiServer server = prepared.server();
            KubernetesClient client = prepared.client();
            List<List<HasMetadata>> perStack =
                    stacks.indexes().stream().map(i -> desired.of(stacks, i)).toList();
            try (ObjectTracker tracker = new ObjectTracker(prepared.watcher(), desired, stacks.count())) {
                int mark = server.requests().mark();
                long start = System.nanoTime();
                StackWriter.forEachStack(stacks, settings.clientThreads(), index -> {
                    GenericKubernetesResource stack = StackWriter.createStack(client, stacks, index);
                    Map<String, String> uids = new HashMap<>();
                    uids.put(
                            stack.getKind() + "/" + stack.getMetadata().getName(),
                            stack.getMetadata().getUid());
                    for (HasMetadata object : perStack.get(index - 1)) {
                        HasMetadata created =
                                client.resource(ownedBy(client, object, uids)).create();
                        uids.put(
                                created.getKind() + "/" + created.getMetadata().getName(),
                                created.getMetadata().getUid());
                    }
                });
                long converged =
                        tracker.awaitConverged(start + settings.timeout().toNanos(), progress);
                // An audit log is read a little behind the server; wait until the last write has been seen.
                Quiet.await(
                        server.requests(),
                        r -> r.caller() == Caller.BENCHMARK && r.writes(),
                        converged,
                        Duration.ofSeconds(2),
                        settings.timeout());
                List<ApiRequest> requests = server.requests().since(mark).stream()
                        .filter(ApiRequest::writes)
                        .toList();
                return new BaselineFigures(
                        OperatorRun.seconds(converged - start), VerbCounts.of(requests, Caller.BENCHMARK));
            }
        }
    }

    /** A copy with the uids of its owners (the stack, or its child Postgres or Redis written before it) filled in. */
    private static HasMetadata ownedBy(KubernetesClient client, HasMetadata object, Map<String, String> uids) {
        HasMetadata copy = client.getKubernetesSerialization().clone(object);
        List<OwnerReference> owners = copy.getMetadata().getOwnerReferences();
        if (owners != null) {
            for (OwnerReference owner : owners) {
                String uid = uids.get(owner.getKind() + "/" + owner.getName());
                if (uid != null) {
                    owner.setUid(uid);
                }
            }
        }
        return copy;
    }
}
