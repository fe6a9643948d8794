package io.atonix.benchmark.server;

import io.atonix.benchmark.requests.RequestLog;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** An API server the benchmark runs for one scenario, fresh each time. */
public interface ApiServer extends AutoCloseable {

    /** Which server, for the report. */
    String description();

    /** A client with every right; its user agent marks its requests as the benchmark's. */
    KubernetesClient client(String purpose);

    /** The kubeconfig the operator process is given. */
    Path operatorKubeconfig();

    /**
     * Whether controllers and nodes work on what is written (a Deployment's pods start and its status moves); on a
     * server without them nothing but the operator and the benchmark changes an object.
     */
    default boolean runsControllers() {
        return false;
    }

    /** Every request the server received. */
    RequestLog requests();

    @Override
    void close();
}
