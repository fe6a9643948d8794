package io.atonix.benchmark.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the API server received during a run, in arrival order. Phases take a mark and later read what
 * arrived since; nothing in the operator is instrumented, the server side is the only witness.
 */
public final class RequestLog {
    private final List<ApiRequest> requests = new ArrayList<>();

    public synchronized void record(ApiRequest request) {
        requests.add(request);
    }

    public synchronized int mark() {
        return requests.size();
    }

    public synchronized List<ApiRequest> since(int mark) {
        return new ArrayList<>(requests.subList(mark, requests.size()));
    }

    /** When the last matching request arrived, or 0 when none did. */
    public synchronized long lastNanos(Predicate<ApiRequest> which) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (which.test(requests.get(i))) {
                return requests.get(i).nanos();
            }
        }
        return 0;
    }
}
