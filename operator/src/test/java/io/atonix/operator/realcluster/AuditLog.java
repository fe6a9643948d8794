package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/** Reads the API server's audit log: what each user asked the server to do. */
public final class AuditLog {
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Position to read from later: the number of lines written so far. */
    public long mark() {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<JsonNode> since(long mark) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines.skip(mark)::iterator) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        }
        return events;
    }

    /** Writing requests of a user in a namespace since the mark, as "verb resource/subresource namespace/name". */
    public List<String> writesBy(String user, String namespace, long mark) throws IOException {
        List<String> writes = new ArrayList<>();
        for (JsonNode event : since(mark)) {
            String verb = event.path("verb").asText();
            String resource = event.path("objectRef").path("resource").asText();
            if (user.equals(event.path("user").path("username").asText())
                    && WRITES.contains(verb)
                    && namespace.equals(
                            event.path("objectRef").path("namespace").asText())) {
                String sub = event.path("objectRef").path("subresource").asText("");
                writes.add(verb + " " + resource + (sub.isEmpty() ? "" : "/" + sub) + " "
                        + event.path("objectRef").path("namespace").asText() + "/"
                        + event.path("objectRef").path("name").asText());
            }
        }
        return writes;
    }

    /**
     * Waits until the user has written nothing in the namespace for {@code settled} in a row: the operator has finished
     * what it was doing, so that a quiet window measured afterwards is about a reconcile of an unchanged resource.
     */
    public void awaitSettled(String user, String namespace, Duration settled, Duration timeout) {
        long[] mark = {mark()};
        Instant[] lastWrite = {Instant.now()};
        Awaitility.await("no write by " + user + " in " + namespace + " for " + settled)
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long next = mark();
                    if (!writesBy(user, namespace, mark[0]).isEmpty()) {
                        lastWrite[0] = Instant.now();
                    }
                    mark[0] = next;
                    return Duration.between(lastWrite[0], Instant.now()).compareTo(settled) >= 0;
                });
    }

    /**
     * The user's writes in the namespace from {@code mark} over a window of at least {@code window} from {@code start}
     * that lasts until {@code reconciled} holds (the reconcile the test caused has finished); it ends early at the
     * first write, which is then returned.
     */
    public List<String> writesDuring(
            String user,
            String namespace,
            long mark,
            Instant start,
            Duration window,
            Callable<Boolean> reconciled,
            Duration timeout)
            throws IOException {
        Awaitility.await("a write by " + user + " in " + namespace + ", or a quiet window of " + window
                        + " with a reconcile")
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !writesBy(user, namespace, mark).isEmpty()
                        || Duration.between(start, Instant.now()).compareTo(window) >= 0 && reconciled.call());
        return writesBy(user, namespace, mark);
    }
}
