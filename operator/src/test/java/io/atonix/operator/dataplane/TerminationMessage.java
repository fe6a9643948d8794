package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A terminated container's message, as the kubelet reports it: what the container wrote to its terminationMessagePath
 * (at most 4096 bytes), or, under FallbackToLogsOnError, the end of its log when it failed without writing one.
 */
final class TerminationMessage {
    private static final int MAX_BYTES = 4096;
    private static final int FALLBACK_LINES = 80;

    private TerminationMessage() {}

    static String of(Container container, int exitCode, Path file, Path log) throws IOException {
        String written = Files.exists(file) ? read(file) : "";
        if (!written.isEmpty()
                || exitCode == 0
                || !"FallbackToLogsOnError".equals(container.getTerminationMessagePolicy())
                || !Files.exists(log)) {
            return written;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - FALLBACK_LINES), lines.size()));
        return tail.length() > MAX_BYTES ? tail.substring(tail.length() - MAX_BYTES) : tail;
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
    }
}
