package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first few Service creates after the schedule is armed, made and answered {@link #ANSWERED_AFTER} late, as a busy
 * API server makes them while it allocates their ClusterIPs (docs/performance.md, N = 1,000), and aborted when their
 * client gives up first, as that API server aborts them; and whether a client sends one of them again, which a client
 * that gave up must.
 */
final class SlowCreates {
    /** Past fabric8's default request timeout of 10 s, within the operator's. */
    static final Duration ANSWERED_AFTER = Duration.ofSeconds(15);

    private static final Pattern SERVICES = Pattern.compile("/api/v1/namespaces/[^/]+/services(\\?.*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int count;
    private final Set<String> slowed = new HashSet<>();
    private final List<String> sentAgain = new ArrayList<>();

    SlowCreates(int count) {
        this.count = count;
    }

    /** Notes a request as it arrives; true when it is to be answered late. */
    synchronized boolean arrived(String method, String target, byte[] body, boolean armed) {
        if (!"POST".equals(method) || !SERVICES.matcher(target).matches()) {
            return false;
        }
        String object = target.replaceAll("\\?.*", "") + "/" + name(body);
        if (slowed.contains(object)) {
            sentAgain.add(object);
            return false;
        }
        if (armed && slowed.size() < count) {
            slowed.add(object);
            return true;
        }
        return false;
    }

    /**
     * Holds a request until {@link #ANSWERED_AFTER} has passed or its client closed the connection; true when the
     * client waited that long.
     */
    static boolean clientWaited(Socket raw, InputStream in) throws IOException {
        raw.setSoTimeout(Math.toIntExact(ANSWERED_AFTER.toMillis()));
        try {
            // A client sends nothing more on this connection: the read ends when it closes it, or at the timeout.
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            if (!raw.isClosed()) {
                raw.setSoTimeout(0);
            }
        }
    }

    /** The Services whose slow create was sent again, once per resend. */
    synchronized List<String> sentAgain() {
        return List.copyOf(sentAgain);
    }

    private static String name(byte[] body) {
        try {
            return JSON.readTree(body).path("metadata").path("name").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
