package io.atonix.operator.objectstore;

import io.atonix.operator.testtools.TestPrograms;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server on loopback for the archiving tests: moto 5 in server mode (tools/python-packages/moto.txt,
 * installed from PyPI by the test itself), which accepts any access key and serves path-style requests, as barman's
 * boto3 makes them for an endpoint given by IP address. It listens on {@value #ADDRESS}, not 127.0.0.1, which the data
 * plane rewrites to a pod's own address in container commands and env.
 */
public final class S3Server implements AutoCloseable {
    public static final String ADDRESS = "127.0.42.1";
    private static final Pattern KEY = Pattern.compile("<Key>([^<]+)</Key>");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final String endpoint;

    private S3Server(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto on a free port of {@value #ADDRESS}, its output in {@code log}, and waits until it answers. */
    public static S3Server start(Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName(ADDRESS))) {
            port = free.getLocalPort();
        }
        Path moto = TestPrograms.pythonPackages("moto");
        Process process = new ProcessBuilder(
                        moto.resolve("python").toString(), "-m", "moto.server", "-H", ADDRESS, "-p", "" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3Server server = new S3Server(process, "http://" + ADDRESS + ":" + port);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                server.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/")));
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    server.close();
                    throw new AssertionError("moto did not start on " + server.endpoint + ": see " + log, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** The URL for {@code --endpoint-url}. */
    public String endpoint() {
        return endpoint;
    }

    public void createBucket(String bucket) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** The keys under {@code prefix} in {@code bucket} (up to 1000: a test's archive is smaller). */
    public List<String> keys(String bucket, String prefix) throws IOException, InterruptedException {
        String body = send(HttpRequest.newBuilder(
                URI.create(endpoint + "/" + bucket + "?list-type=2&max-keys=1000&prefix=" + prefix)));
        if (body.contains("<IsTruncated>true</IsTruncated>")) {
            throw new IllegalStateException("more than 1000 keys under " + prefix);
        }
        return KEY.matcher(body).results().map(m -> m.group(1)).toList();
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
