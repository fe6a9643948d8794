package io.atonix.operator.realcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

    /**
     * The requests of a user since the mark that RBAC refused (403 with the authorizer's decision forbid), as "verb
     * group/resource/subresource in namespace" (no group for the core API, no subresource when none), each once. A 403 of admission after an allowing authorizer (a create in
     * a namespace being deleted, as the test removes it under a running operator) is no missing right and is left out.
     * Streams the file: a class's operator can have made hundreds of thousands of requests.
     */
    public List<String> refusedByRbac(String user, long mark) throws IOException {
        Set<String> refused = new LinkedHashSet<>();
        String quotedUser = JSON.writeValueAsString(user);
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines.skip(mark)::iterator) {
                if (!line.contains("\"code\":403") || !line.contains(quotedUser)) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                JsonNode ref = event.path("objectRef");
                if (user.equals(event.path("user").path("username").asText())
                        && event.path("responseStatus").path("code").asInt() == 403
                        && !"allow"
                                .equals(event.path("annotations")
                                        .path("authorization.k8s.io/decision")
                                        .asText())) {
                    String group = ref.path("apiGroup").asText();
                    String subresource = ref.path("subresource").asText();
                    refused.add(event.path("verb").asText() + " " + (group.isEmpty() ? "" : group + "/")
                            + ref.path("resource").asText() + (subresource.isEmpty() ? "" : "/" + subresource)
                            + " in "
                            + (ref.has("namespace") ? ref.path("namespace").asText() : "(cluster)"));
                }
            }
        }
        return new ArrayList<>(refused);
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

    /** A writing request as the server received it: when, what, and the status it answered. */
    public record Write(Instant received, String verb, String what, int code) {
        boolean succeeded() {
            return code >= 200 && code < 300;
        }

        @Override
        public String toString() {
            return received + " " + verb + " " + what + " -> " + code;
        }
    }

    /**
     * Writing requests made with one credential (a token, as its credential id, "JTI=..."), in any namespace, since
     * the mark, in the order the server received them. Tokens of one ServiceAccount share its user name; this tells the
     * processes that hold them apart.
     */
    public List<Write> writesWith(String credentialId, long mark) throws IOException {
        List<Write> writes = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines.skip(mark)::iterator) {
                if (!line.contains(credentialId)) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                JsonNode ids = event.path("user").path("extra").path("authentication.kubernetes.io/credential-id");
                String verb = event.path("verb").asText();
                if (!WRITES.contains(verb)
                        || !ids.isArray()
                        || !credentialId.equals(ids.path(0).asText())) {
                    continue;
                }
                JsonNode ref = event.path("objectRef");
                String sub = ref.path("subresource").asText("");
                writes.add(new Write(
                        Instant.parse(event.path("requestReceivedTimestamp").asText()),
                        verb,
                        ref.path("resource").asText() + (sub.isEmpty() ? "" : "/" + sub) + " "
                                + (ref.has("namespace") ? ref.path("namespace").asText() + "/" : "")
                                + ref.path("name").asText(),
                        event.path("responseStatus").path("code").asInt()));
            }
        }
        writes.sort(java.util.Comparator.comparing(Write::received));
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
