package io.atonix.operator.realcluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;

/** FaultyApiServer's side towards the real API server: a TLS connection per request. */
final class ApiServerEnd {
    private final SSLSocketFactory tls;
    private final int port;

    ApiServerEnd(int port) throws GeneralSecurityException {
        this.tls = LoopbackTls.trustingAll().getSocketFactory();
        this.port = port;
    }

    /** A connection with the request sent on it. */
    Socket send(HttpHead request, byte[] body) throws IOException {
        Socket api = tls.createSocket("127.0.0.1", port);
        api.getOutputStream().write(request.bytes());
        api.getOutputStream().write(body);
        api.getOutputStream().flush();
        return api;
    }

    /** Sends the request, asking the API server to close after answering, and streams its answer to {@code out}. */
    void forward(HttpHead request, byte[] body, OutputStream out) throws IOException {
        try (Socket api = send(request.with("Connection", "close"), body)) {
            api.getInputStream().transferTo(out);
        }
    }
}
