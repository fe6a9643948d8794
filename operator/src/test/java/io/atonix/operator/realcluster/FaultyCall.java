package io.atonix.operator.realcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One request that is not a watch, through FaultyApiServer: forwarded, or failed as the schedule says. */
final class FaultyCall {
    private final FaultSchedule schedule;
    private final RetryAfterLedger ledger;
    private final ApiServerEnd api;
    private final ScheduledExecutorService timers;
    private final SlowCreates slowCreates;
    private final FirstListCut firstListCut = new FirstListCut();

    FaultyCall(
            FaultSchedule schedule,
            RetryAfterLedger ledger,
            SlowCreates slowCreates,
            ApiServerEnd api,
            ScheduledExecutorService timers) {
        this.schedule = schedule;
        this.ledger = ledger;
        this.slowCreates = slowCreates;
        this.api = api;
        this.timers = timers;
    }

    /** Answers the request; true when the connection is held open past the client's timeout (closed later). */
    boolean answer(Socket raw, InputStream in, OutputStream out, HttpHead request, byte[] body) throws IOException {
        String method = request.method();
        ledger.arrived(method, request.target(), body);
        if (firstListCut.cuts(method, request.target())) {
            schedule.done(ApiFault.FIRST_LIST_CUT);
            // Closed cleanly, unanswered: the client sees the connection closed, which fabric8 does not retry.
            out.close();
            return false;
        }
        if (slowCreates.arrived(method, request.target(), body, schedule.armed())) {
            schedule.done(ApiFault.SLOW_ANSWER);
            // The API server's queue; a create whose client went away meanwhile is aborted, as the API server does.
            if (SlowCreates.clientWaited(raw, in)) {
                api.forward(request, body, out);
            }
            return false;
        }
        ApiFault fault = schedule.forRequest(method);
        if (fault == null) {
            api.forward(request, body, out);
            return false;
        }
        schedule.done(fault);
        switch (fault) {
            case TOO_MANY_REQUESTS -> {
                FaultAnswers.status(
                        out,
                        429,
                        "TooManyRequests",
                        "faulty-api-server: too many requests, please try again later",
                        "Retry-After: " + FaultyApiServer.RETRY_AFTER.toSeconds());
                ledger.refused(method, request.target(), body);
            }
            case SERVER_ERROR ->
                FaultAnswers.status(out, 500, "InternalError", "faulty-api-server: an injected internal error", null);
            case CONFLICT ->
                FaultAnswers.status(
                        out,
                        409,
                        "Conflict",
                        "faulty-api-server: the object has been modified; please apply your changes to the latest"
                                + " version and try again",
                        null);
            case TIMEOUT -> {
                // The API server acts on the request; its answer never reaches the client.
                api.forward(request, body, OutputStream.nullOutputStream());
                timers.schedule(
                        () -> Sockets.closeQuietly(raw), FaultyApiServer.HELD.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }
            default -> Sockets.reset(raw);
        }
        return false;
    }
}
