package io.atonix.operator.realcluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether clients wait as long as a 429's Retry-After says before they send the same write again. A write is the same
 * when its method, path, query and body are (a retry sends exactly what it sent); reads are left out, since two
 * informers of one kind list the same path without being each other's retry.
 */
final class RetryAfterLedger {
    private final Duration retryAfter;
    private final Map<String, Long> refusedAt = new ConcurrentHashMap<>();
    private final List<String> early = new CopyOnWriteArrayList<>();
    private final AtomicInteger honoured = new AtomicInteger();

    RetryAfterLedger(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** Notes a request as it arrives, before it is answered; only writes count. */
    void arrived(String method, String target, byte[] body) {
        if ("GET".equals(method)) {
            return;
        }
        Long refused = refusedAt.remove(key(method, target, body));
        if (refused != null) {
            long after = System.nanoTime() - refused;
            if (after < retryAfter.toNanos()) {
                early.add(method + " " + target + " after " + after / 1_000_000 + " ms");
            } else {
                honoured.incrementAndGet();
            }
        }
    }

    /** Notes that this request was just answered 429. */
    void refused(String method, String target, byte[] body) {
        if (!"GET".equals(method)) {
            refusedAt.put(key(method, target, body), System.nanoTime());
        }
    }

    /** Writes sent again sooner than Retry-After after a 429, and how soon. */
    List<String> early() {
        return List.copyOf(early);
    }

    /** Writes sent again no sooner than Retry-After after a 429. */
    int honoured() {
        return honoured.get();
    }

    private static String key(String method, String target, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
