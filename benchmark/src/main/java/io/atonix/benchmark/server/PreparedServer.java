package io.atonix.benchmark.server;

import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.benchmark.stacks.DesiredState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * A fresh server as every scenario starts from: the CRDs and the fixtures in place, and the benchmark's two clients,
 * one that writes and one that watches.
 */
public final class PreparedServer implements AutoCloseable {
    private final ApiServer server;
    private final KubernetesClient client;
    private final KubernetesClient watcher;

    private PreparedServer(ApiServer server) {
        this.server = server;
        this.client = server.client("client");
        this.watcher = server.client("tracker");
    }

    public static PreparedServer start(
            ServerFactory servers, Path work, Path repositoryRoot, BenchStacks stacks, DesiredState desired)
            throws Exception {
        PreparedServer prepared = new PreparedServer(servers.start(work));
        try {
            CrdInstaller.install(prepared.client, repositoryRoot, desired);
            ClusterFixtures.prepare(prepared.client, stacks, CrdInstaller.strimziVersion(desired));
        } catch (Exception e) {
            prepared.close();
            throw e;
        }
        return prepared;
    }

    public ApiServer server() {
        return server;
    }

    public KubernetesClient client() {
        return client;
    }

    public KubernetesClient watcher() {
        return watcher;
    }

    @Override
    public void close() {
        watcher.close();
        client.close();
        server.close();
    }
}
