package io.atonix.operator.common;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes the Kubernetes client wait as long as an answer's Retry-After asks before it sends the request again. fabric8
 * (7.5, and its main branch too) reads Retry-After, but schedules its retry after its own back-off alone
 * (AsyncUtils.retryWithExponentialBackoff waits the interval, not the value it computed from the header): an operator
 * refused by the API server's priority and fairness would come back after 100 ms instead of the second it was asked
 * to wait, and be refused again. This interceptor holds a failed answer that carries Retry-After for that long before
 * the client's retry logic sees it: the retry then comes after Retry-After and the back-off.
 */
public final class RetryAfter implements Interceptor {
    static final String NAME = "atonix-retry-after";
    /** A longer Retry-After is honoured this long: a reconcile should fail and say so rather than hang. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    /** Adds this interceptor to an HTTP client's builder. */
    public static void addTo(HttpClient.Builder http) {
        http.addOrReplaceInterceptor(NAME, new RetryAfter());
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(
            HttpRequest.Builder builder, HttpResponse<?> response, RequestTags tags) {
        Duration wait = asked(response.code(), response.header("Retry-After"));
        // False: the request is not sent again from here; the client's own retry logic decides, after the wait.
        return wait.isZero()
                ? CompletableFuture.completedFuture(false)
                : CompletableFuture.supplyAsync(
                        () -> false, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * How long an answer asks to wait: its Retry-After in seconds, the form the API server sends, on the answers the
     * client retries (429 and 5xx); zero for any other answer or form.
     */
    static Duration asked(int code, String retryAfter) {
        if (retryAfter == null || code != 429 && code < 500) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, LONGEST.toSeconds()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
