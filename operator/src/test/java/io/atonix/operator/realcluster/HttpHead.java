package io.atonix.operator.realcluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The start line and header fields of an HTTP/1.1 request, as FaultyApiServer reads, changes and forwards them. */
final class HttpHead {
    private final String startLine;
    private final List<String[]> fields;

    private HttpHead(String startLine, List<String[]> fields) {
        this.startLine = startLine;
        this.fields = fields;
    }

    /** The next head on the stream; null when the peer closed the connection first. */
    static HttpHead read(InputStream in) throws IOException {
        String startLine = line(in);
        if (startLine == null || startLine.isEmpty()) {
            return null;
        }
        List<String[]> fields = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            fields.add(new String[] {
                line.substring(0, colon).trim(), line.substring(colon + 1).trim()
            });
        }
        return new HttpHead(startLine, fields);
    }

    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** The path and query. */
    String target() {
        return startLine.split(" ")[1];
    }

    String field(String name) {
        return fields.stream()
                .filter(f -> f[0].equalsIgnoreCase(name))
                .map(f -> f[1])
                .findFirst()
                .orElse(null);
    }

    /** This head with the field set to the value, replacing what it had. */
    HttpHead with(String name, String value) {
        List<String[]> changed = new ArrayList<>(fields);
        changed.removeIf(f -> f[0].equalsIgnoreCase(name));
        changed.add(new String[] {name, value});
        return new HttpHead(startLine, changed);
    }

    /** The request's body, which the API's clients always send with a Content-Length. */
    byte[] body(InputStream in) throws IOException {
        if (field("Transfer-Encoding") != null) {
            throw new IOException("a chunked request body, which FaultyApiServer does not forward: " + startLine);
        }
        String length = field("Content-Length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    byte[] bytes() {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        fields.forEach(f -> head.append(f[0]).append(": ").append(f[1]).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
