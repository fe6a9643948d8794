package io.atonix.benchmark.requests;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/** Sits in front of the mock API server's own dispatcher and writes every request into the log. */
public final class CountingDispatcher extends Dispatcher {
    private final Dispatcher server;
    private final RequestLog log;

    public CountingDispatcher(Dispatcher server, RequestLog log) {
        this.server = server;
        this.log = log;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        Caller caller = agent != null && agent.startsWith(Caller.BENCHMARK_AGENT) ? Caller.BENCHMARK : Caller.OPERATOR;
        log.record(RequestPaths.classify(System.nanoTime(), caller, request.getMethod(), request.getPath()));
        return server.dispatch(request);
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }
}
