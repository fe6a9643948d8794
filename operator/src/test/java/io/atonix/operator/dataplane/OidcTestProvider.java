package io.atonix.operator.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atonix.operator.testtools.TestPrograms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OpenID Connect provider on loopback for the sign-in tests: mockoidc (github.com/oauth2-proxy/mockoidc, run by
 * tools/mockoidc) on a loopback address of its own over HTTPS with a CA it makes at start and writes to {@code caFile}. Sign-in at its authorization
 * endpoint needs no login page: it returns the user queued with {@link #signsInNext}, or its default user Jane Doe
 * (jane.doe@example.com, groups engineering and design). {@link #token} signs any claims with the provider's key, for
 * bearer tokens a real provider would have issued to other clients, or that have expired. It stops when closed, or
 * when the test JVM ends (it serves until its stdin closes).
 */
final class OidcTestProvider implements AutoCloseable {
    static final String DEFAULT_EMAIL = "jane.doe@example.com";
    /**
     * Off the host's 127.0.0.1, which in a pod is the pod itself ({@link PodContext#local}), and outside the pods'
     * 127.100-249 blocks ({@link LoopbackAddresses}): an address the pods reach as another machine.
     */
    private static final String ADDRESS = "127.42.0.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String issuer;
    private final URI control;

    private OidcTestProvider(Process process, String issuer, URI control) {
        this.process = process;
        this.issuer = issuer;
        this.control = control;
    }

    static OidcTestProvider start(String clientId, String clientSecret, Path caFile) throws IOException {
        Files.createDirectories(caFile.getParent());
        Process process = TestPrograms.goTool("mockoidc", "MOCKOIDC")
                .command(List.of(
                        "-address",
                        ADDRESS,
                        "-client-id",
                        clientId,
                        "-client-secret",
                        clientSecret,
                        "-ca-file",
                        caFile.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String issuer = word(out.readLine(), "issuer");
        URI control = URI.create(word(out.readLine(), "control"));
        return new OidcTestProvider(process, issuer, control);
    }

    /** The issuer URL, https://127.42.0.1:<port>/oidc: what tokens name in iss and the stack's spec.auth.oidc names. */
    String issuer() {
        return issuer;
    }

    /** A JWT with {@code claims}, signed by the key the provider publishes. */
    String token(Map<String, Object> claims) throws Exception {
        return post("/token", claims);
    }

    /** The next sign-in at the provider returns this user instead of its default one. */
    void signsInNext(String subject, String email, List<String> groups) throws Exception {
        post("/user", Map.of("Subject", subject, "Email", email, "EmailVerified", true, "Groups", groups));
    }

    private String post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(control.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("mockoidc " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String word(String line, String name) {
        if (line == null || !line.startsWith(name + " ")) {
            throw new IllegalStateException("mockoidc did not start: expected '" + name + " <url>', got " + line);
        }
        return line.substring(name.length() + 1).strip();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
