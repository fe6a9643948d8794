package io.atonix.operator.realcluster;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An HTTPS reverse proxy on 127.0.0.1 in front of the test control plane's API server, which fails requests as its
 * {@link FaultSchedule} says ({@link ApiFault}). It serves the API server's own certificate, so a client of the
 * cluster's CA trusts it, and passes the client's bearer token on: the API server sees the client as itself. Each
 * request gets a connection of its own (the proxy answers "Connection: close"), so that a fault cuts exactly one
 * request; a watch, over a WebSocket or a plain HTTP stream, streams through as the API server sends it.
 */
public final class FaultyApiServer implements AutoCloseable {
    /** What the proxy's 429s ask for. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long a timed-out request is held: longer than fabric8's request timeout (10 s), which the operator keeps. */
    static final Duration HELD = Duration.ofSeconds(12);

    private static final Pattern WATCH = Pattern.compile(".*[?&]watch=(true|1)(&.*)?");

    private final ServerSocket server;
    private final SSLSocketFactory serving;
    private final SSLSocketFactory upstream;
    private final int upstreamPort;
    private final FaultSchedule schedule;
    private final RetryAfterLedger ledger = new RetryAfterLedger(RETRY_AFTER);
    private final ExecutorService connections = Executors.newCachedThreadPool(daemons("faulty-api-server"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(daemons("faulty-api-server-timer"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultyApiServer(LocalControlPlane plane, FaultSchedule schedule) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        char[] password = LocalControlPlane.KEY_STORE_PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(plane.servingKeyStore())) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        this.serving = context.getSocketFactory();
        this.upstream = LoopbackTls.trustingAll().getSocketFactory();
        this.upstreamPort = plane.apiServerPort();
        this.schedule = schedule;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    }

    /** Listens, and forwards without a fault until the schedule is armed. */
    public static FaultyApiServer start(LocalControlPlane plane, FaultSchedule schedule) throws Exception {
        FaultyApiServer proxy = new FaultyApiServer(plane, schedule);
        proxy.connections.execute(proxy::accept);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    FaultSchedule schedule() {
        return schedule;
    }

    RetryAfterLedger retryAfter() {
        return ledger;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket raw = server.accept();
                open.add(raw);
                connections.execute(() -> serve(raw));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("faulty-api-server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket raw) {
        boolean held = false;
        SSLSocket client = null;
        try {
            client = (SSLSocket) serving.createSocket(raw, "127.0.0.1", raw.getPort(), true);
            client.setUseClientMode(false);
            SSLParameters parameters = client.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            client.setSSLParameters(parameters);
            InputStream in = new BufferedInputStream(client.getInputStream());
            HttpHead request = HttpHead.read(in);
            if (request == null) {
                return;
            }
            byte[] body = request.body(in);
            OutputStream out = client.getOutputStream();
            if (WATCH.matcher(request.target()).matches()) {
                watch(raw, in, out, request, body);
            } else {
                held = call(raw, out, request, body);
            }
        } catch (IOException e) {
            // The client went away, or a fault of this proxy cut the connection: the client's retry is what counts.
        } finally {
            if (!held) {
                // Over TLS when it is still up (the client then reads the end of the answer), else the socket alone.
                closeQuietly(client == null ? raw : client);
                close(raw);
            }
        }
    }

    /** A request that is not a watch; true when its connection is held open past the client's timeout. */
    private boolean call(Socket raw, OutputStream out, HttpHead request, byte[] body) throws IOException {
        String method = request.method();
        ledger.arrived(method, request.target(), body);
        ApiFault fault = schedule.forRequest(method);
        if (fault == null) {
            forward(request, body, out);
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
                        "Retry-After: " + RETRY_AFTER.toSeconds());
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
                forward(request, body, OutputStream.nullOutputStream());
                timers.schedule(() -> close(raw), HELD.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }
            default -> reset(raw);
        }
        return false;
    }

    private void watch(Socket raw, InputStream in, OutputStream out, HttpHead request, byte[] body) throws IOException {
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
        try (Socket api = upstream.createSocket("127.0.0.1", upstreamPort)) {
            open.add(api);
            HttpHead forwarded = websocket ? request : request.with("Connection", "close");
            api.getOutputStream().write(forwarded.bytes());
            api.getOutputStream().write(body);
            api.getOutputStream().flush();
            AtomicBoolean ended = new AtomicBoolean();
            dropLater(raw, api, ended);
            if (websocket) {
                connections.execute(() -> pump(in, api));
            }
            try {
                api.getInputStream().transferTo(out);
            } finally {
                ended.set(true);
            }
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** Cuts the watch when its lifetime is up, if the schedule is armed by then; else gives it another lifetime. */
    private void dropLater(Socket client, Socket api, AtomicBoolean ended) {
        timers.schedule(
                () -> {
                    if (ended.get()) {
                        return;
                    }
                    if (!schedule.armed()) {
                        dropLater(client, api, ended);
                    } else if (!ended.getAndSet(true)) {
                        schedule.done(ApiFault.WATCH_DROPPED);
                        reset(client);
                        close(api);
                    }
                },
                schedule.watchLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The client's frames (pings, its close) to the API server, until either side closes. */
    private void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        }
        close(to);
    }

    private void forward(HttpHead request, byte[] body, OutputStream out) throws IOException {
        try (Socket api = upstream.createSocket("127.0.0.1", upstreamPort)) {
            api.getOutputStream().write(request.with("Connection", "close").bytes());
            api.getOutputStream().write(body);
            api.getOutputStream().flush();
            api.getInputStream().transferTo(out);
        }
    }

    /** Closes the TCP connection at once with a reset, under the TLS session: the client reads no more. */
    private void reset(Socket raw) {
        try {
            raw.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        close(raw);
    }

    private void close(Socket socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** The counts of the faults done, one line, for the test's log. */
    public String report() {
        return "faulty-api-server (seed " + schedule.seed() + "): " + schedule.counts() + "; writes sent again after"
                + " a 429: " + ledger.honoured() + " after Retry-After, " + ledger.early() + " sooner "
                + ledger.earlyOnes();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(FaultyApiServer::closeQuietly);
        connections.shutdownNow();
        timers.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
