package io.atonix.operator.realcluster;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The first list of Secrets, its connection closed unanswered whether or not the schedule is armed: an informer of
 * the starting operator whose first list fails, as on a busy control plane (docs/performance.md). java-operator-sdk
 * stops the operator then, unless told to list again.
 */
final class FirstListCut {
    private static final Pattern SECRETS = Pattern.compile("/api/v1/(namespaces/[^/]+/)?secrets(\\?.*)?");

    private final AtomicBoolean done = new AtomicBoolean();

    /** Whether this request is the one to cut. */
    boolean cuts(String method, String target) {
        return "GET".equals(method) && SECRETS.matcher(target).matches() && done.compareAndSet(false, true);
    }
}
