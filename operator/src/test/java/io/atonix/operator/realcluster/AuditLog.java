package io.atonix.operator.realcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the API server's audit log: what each user asked the server to do. */
public final class AuditLog {
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Position to read from later: the number of lines written so far. */
    public long mark() throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
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
            if (user.equals(event.path("user").path("username").asText()) && WRITES.contains(verb)
                    && namespace.equals(event.path("objectRef").path("namespace").asText())) {
                String sub = event.path("objectRef").path("subresource").asText("");
                writes.add(verb + " " + resource + (sub.isEmpty() ? "" : "/" + sub) + " "
                        + event.path("objectRef").path("namespace").asText() + "/" + event.path("objectRef").path("name").asText());
            }
        }
        return writes;
    }
}
