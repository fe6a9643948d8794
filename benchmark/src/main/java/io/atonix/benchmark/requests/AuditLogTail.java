package io.atonix.benchmark.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows a real API server's audit log and writes each request into the log once (a watch has two audit events,
 * when its response starts and when it ends).
 */
public final class AuditLogTail implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final String operatorUser;
    private final RequestLog log;
    private final Set<String> seen = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    public AuditLogTail(Path file, String operatorUser, RequestLog log) {
        this.file = file;
        this.operatorUser = operatorUser;
        this.log = log;
        this.thread = new Thread(this::follow, "audit-log-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running && !Files.exists(file)) {
                Thread.sleep(100);
            }
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                StringBuilder partial = new StringBuilder();
                while (running) {
                    String line = reader.readLine();
                    if (line == null) {
                        Thread.sleep(50);
                        continue;
                    }
                    partial.append(line);
                    JsonNode event;
                    try {
                        event = JSON.readTree(partial.toString());
                    } catch (IOException incomplete) {
                        continue;
                    }
                    partial.setLength(0);
                    take(event);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit log " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void take(JsonNode event) {
        if (!seen.add(event.path("auditID").asText())) {
            return;
        }
        String user = event.path("user").path("username").asText();
        String agent = event.path("userAgent").asText();
        Caller caller = user.equals(operatorUser)
                ? Caller.OPERATOR
                : agent.startsWith(Caller.BENCHMARK_AGENT) ? Caller.BENCHMARK : Caller.OTHER;
        JsonNode ref = event.path("objectRef");
        String resource = ref.path("resource").asText("(discovery)");
        String sub = ref.path("subresource").asText("");
        String namespace = ref.path("namespace").asText(null);
        log.record(new ApiRequest(
                System.nanoTime(),
                caller,
                event.path("verb").asText(),
                sub.isEmpty() ? resource : resource + "/" + sub,
                namespace));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
