package io.atonix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How the operator's client talks to the API server. */
@ConfigMapping(prefix = "atonix.api-server")
public interface ApiServerSettings {

    /**
     * How long a request may wait for the API server's answer. Longer than fabric8's 10 s: on a busy API server a
     * Service create waits for its ClusterIP allocation, at 1,000 stacks on 2 cores up to 34 s (docs/performance.md);
     * a client that gives up makes the server abort the create, and the retry joins the same queue. Leader election's
     * Lease requests keep a short limit of their own ({@link LeaseTimeout}).
     */
    @WithName("request-timeout")
    @WithDefault("60s")
    Duration requestTimeout();
}
