package io.atonix.benchmark.measure;

import io.atonix.benchmark.requests.ApiRequest;
import io.atonix.benchmark.requests.RequestLog;
import java.time.Duration;
import java.util.function.Predicate;

/** Waits until the server has received no request of a kind for a while. */
final class Quiet {

    private Quiet() {}

    /** Returns when the last such request arrived (or {@code from} if none did since). */
    static long await(RequestLog log, Predicate<ApiRequest> which, long from, Duration quiet, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long last = Math.max(from, log.lastNanos(which));
            if (System.nanoTime() - last >= quiet.toNanos()) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not become quiet within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
