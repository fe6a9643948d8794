package io.atonix.operator.realcluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The answers FaultyApiServer gives in the API server's stead, in the API server's own forms (a v1 Status). */
final class FaultAnswers {
    /** What the API server says to a watch that starts from a resourceVersion it no longer has. */
    static final String GONE_EVENT = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version: 1 (2)\","
            + "\"reason\":\"Expired\",\"code\":410}}";

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private FaultAnswers() {}

    /** A Status answer: 429 (with the extra header Retry-After), 500 or 409. */
    static void status(OutputStream out, int code, String reason, String message, String extraHeader)
            throws IOException {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + (extraHeader == null ? "" : extraHeader + "\r\n")
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** A watch over a WebSocket (fabric8's default) that accepts the upgrade, sends 410 Gone, and closes. */
    static void goneOverWebSocket(OutputStream out, HttpHead request) throws IOException {
        String protocol = request.field("Sec-WebSocket-Protocol");
        String head = "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(request.field("Sec-WebSocket-Key")) + "\r\n"
                + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol.split(",")[0].trim() + "\r\n")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        frame(out, 0x1, GONE_EVENT.getBytes(StandardCharsets.UTF_8));
        frame(out, 0x8, new byte[] {0x03, (byte) 0xE8}); // close, 1000: normal
        out.flush();
    }

    /** A watch over a plain HTTP stream: the event as the stream's one line, then its end. */
    static void goneOverHttp(OutputStream out) throws IOException {
        byte[] line = (GONE_EVENT + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(line.length) + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(line);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** An unmasked frame, as a server sends them. */
    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(payload);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
