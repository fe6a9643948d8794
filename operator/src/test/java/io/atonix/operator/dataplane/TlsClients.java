package io.atonix.operator.dataplane;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Clients that check the server as a binding asks (verify-full): the certificate must chain to the binding's CA and
 * name the host the binding gives. The test JVM cannot resolve Service names (the hosts file came after it started),
 * so each client connects to the pod's address and checks the certificate against the Service name: libpq by
 * {@code hostaddr} beside {@code host}, Java's TLS by the name given to the socket with HTTPS-style endpoint
 * identification.
 */
final class TlsClients {
    private TlsClients() {}

    /** A TLS socket to {@code address}, whose handshake checked the certificate against {@code caPem} and {@code host}. */
    static SSLSocket verifyFull(String address, int port, String host, String caPem)
            throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(address, port), 2000);
        SSLSocket socket = (SSLSocket) trusting(caPem).getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(List.of(new SNIHostName(host)));
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** A TLS context that trusts only the CA of {@code caPem}. */
    static SSLContext trusting(String caPem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry(
                "ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /**
     * psql (libpq of PostgreSQL 15) with a connection string, the password in PGPASSWORD: its output and errors,
     * trimmed, and whether it succeeded.
     */
    static Result psql(String connection, String password, String sql) throws IOException, InterruptedException {
        PostgresInstallation installation = PostgresInstallations.of(PostgresInstallations.DEBIAN_MAJOR);
        Path psql = installation.path().stream()
                .map(dir -> dir.resolve("psql"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no psql in " + installation.path()));
        List<String> command = new ArrayList<>(List.of(psql.toString(), "-X", "-tA", "-d", connection, "-c", sql));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.putAll(installation.libraries());
        environment.put("PGPASSWORD", password);
        environment.put("PGCONNECT_TIMEOUT", "5");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.waitFor() == 0, out);
    }

    record Result(boolean succeeded, String output) {}
}
