package io.atonix.operator.realcluster;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;

/** Ways FaultyApiServer ends a connection. */
final class Sockets {

    private Sockets() {}

    /** At once with a TCP reset, under the TLS session: the peer reads no more, and no end of the stream either. */
    static void reset(Socket raw) {
        try {
            raw.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        closeQuietly(raw);
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
