package io.atonix.operator.realcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watch through FaultyApiServer, over a WebSocket (fabric8's default) or a plain HTTP stream: answered 410 Gone,
 * or streamed from the API server until its lifetime is up, when the connection is cut.
 */
final class FaultyWatch {
    private final FaultSchedule schedule;
    private final ApiServerEnd api;
    private final Executor pumps;
    private final ScheduledExecutorService timers;

    FaultyWatch(FaultSchedule schedule, ApiServerEnd api, Executor pumps, ScheduledExecutorService timers) {
        this.schedule = schedule;
        this.api = api;
        this.pumps = pumps;
        this.timers = timers;
    }

    void answer(Socket raw, InputStream in, OutputStream out, HttpHead request, byte[] body) throws IOException {
        boolean websocket = "websocket".equalsIgnoreCase(request.field("Upgrade"));
        if (schedule.watchGone()) {
            schedule.done(ApiFault.WATCH_GONE);
            if (websocket) {
                FaultAnswers.goneOverWebSocket(out, request);
            } else {
                FaultAnswers.goneOverHttp(out);
            }
            return;
        }
        try (Socket server = api.send(websocket ? request : request.with("Connection", "close"), body)) {
            AtomicBoolean ended = new AtomicBoolean();
            dropLater(raw, server, ended);
            if (websocket) {
                // The client's frames (pings, its close) to the API server, until either side closes.
                pumps.execute(() -> {
                    try {
                        in.transferTo(server.getOutputStream());
                    } catch (IOException e) {
                        // one side closed
                    }
                    Sockets.closeQuietly(server);
                });
            }
            try {
                server.getInputStream().transferTo(out);
            } finally {
                ended.set(true);
            }
        }
    }

    /** Cuts the watch when its lifetime is up, if the schedule is armed by then; else gives it another lifetime. */
    private void dropLater(Socket client, Socket server, AtomicBoolean ended) {
        timers.schedule(
                () -> {
                    if (ended.get()) {
                        return;
                    }
                    if (!schedule.armed()) {
                        dropLater(client, server, ended);
                    } else if (!ended.getAndSet(true)) {
                        schedule.done(ApiFault.WATCH_DROPPED);
                        Sockets.reset(client);
                        Sockets.closeQuietly(server);
                    }
                },
                schedule.watchLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
