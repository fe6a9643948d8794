package io.atonix.operator.common;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Cuts leader election's Lease requests short, whatever the operator's request timeout
 * ({@link ApiServerSettings#requestTimeout()}). fabric8's elector renews with a GET and a PUT of the Lease, made one
 * after the other, and checks its renew deadline only between renewals: under a 60 s timeout a replica cut off from
 * the API server would lead for up to two minutes past its deadline, while a standby takes the Lease once it expires.
 * Cut at the retry period, a renewal that hangs ends by the time the next one is due, and the leader gives up within
 * the renew deadline and two retry periods, before the Lease expires (with the defaults 10 s + 2 × 2 s, under 15 s).
 */
public final class LeaseTimeout implements Interceptor {
    static final String NAME = "atonix-lease-timeout";
    private static final String LEASES = "/apis/coordination.k8s.io/";

    private final Duration limit;

    private LeaseTimeout(Duration limit) {
        this.limit = limit;
    }

    /** Limits the Lease requests of an HTTP client's builder to {@code limit}. */
    public static void addTo(HttpClient.Builder http, Duration limit) {
        http.addOrReplaceInterceptor(NAME, new LeaseTimeout(limit));
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        // fabric8 hands interceptors the request's own builder; its timeout is the one the HTTP client applies.
        if (isLease(request.uri()) && builder instanceof HttpRequest.Builder http) {
            http.timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A request of the coordination API, which the operator uses only for its Lease (behind any path prefix). */
    static boolean isLease(URI uri) {
        return uri.getPath() != null && uri.getPath().contains(LEASES);
    }
}
