package io.atonix.operator.realcluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * request gets a connection of its own (the proxy asks the API server to close after answering), so that a fault cuts
 * exactly one request; a watch streams through as the API server sends it ({@link FaultyWatch}).
 */
public final class FaultyApiServer implements AutoCloseable {
    /** What the proxy's 429s ask for. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /**
     * How long a timed-out request is held before its connection is closed unanswered: past fabric8's default request
     * timeout (10 s), so a client that kept it gives up first; the operator's (60 s) sees the connection end.
     */
    static final Duration HELD = Duration.ofSeconds(12);

    private static final Pattern WATCH = Pattern.compile(".*[?&]watch=(true|1)(&.*)?");

    private final ServerSocket server;
    private final SSLSocketFactory serving;
    private final FaultSchedule schedule;
    private final RetryAfterLedger ledger = new RetryAfterLedger(RETRY_AFTER);
    private final SlowCreates slowCreates;
    private final ExecutorService connections = Executors.newCachedThreadPool(daemons("faulty-api-server"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(daemons("faulty-api-server-timer"));
    private final FaultyCall calls;
    private final FaultyWatch watches;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultyApiServer(LocalControlPlane plane, FaultSchedule schedule, SlowCreates slowCreates) throws Exception {
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
        this.schedule = schedule;
        this.slowCreates = slowCreates;
        ApiServerEnd api = new ApiServerEnd(plane.apiServerPort());
        this.calls = new FaultyCall(schedule, ledger, slowCreates, api, timers);
        this.watches = new FaultyWatch(schedule, api, connections, timers);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    }

    /** Listens, and forwards without a fault until the schedule is armed. */
    public static FaultyApiServer start(LocalControlPlane plane, FaultSchedule schedule, SlowCreates slowCreates)
            throws Exception {
        FaultyApiServer proxy = new FaultyApiServer(plane, schedule, slowCreates);
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

    SlowCreates slowCreates() {
        return slowCreates;
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

    /** TLS over the accepted socket, kept apart so that a reset can cut the TCP connection under it. */
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
            if (WATCH.matcher(request.target()).matches()) {
                watches.answer(raw, in, client.getOutputStream(), request, body);
            } else {
                held = calls.answer(raw, in, client.getOutputStream(), request, body);
            }
        } catch (IOException e) {
            // The client went away, or a fault of this proxy cut the connection: the client's retry is what counts.
        } finally {
            open.remove(raw);
            if (!held) {
                // Over TLS while it is up (the client then reads the end of the answer), else the socket alone.
                Sockets.closeQuietly(client == null ? raw : client);
                Sockets.closeQuietly(raw);
            }
        }
    }

    /** The counts of the faults done, one line, for the test's log. */
    public String report() {
        return "faulty-api-server (seed " + schedule.seed() + "): " + schedule.counts() + "; writes sent again after"
                + " a 429: " + ledger.honoured() + " after Retry-After, "
                + ledger.early().size() + " sooner "
                + ledger.early();
    }

    @Override
    public void close() {
        closed = true;
        Sockets.closeQuietly(server);
        open.forEach(Sockets::closeQuietly);
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
