package io.atonix.operator.dataplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser on a stack's host, with the edge played: a request for {@code https://<host>/...} goes as plain HTTP to
 * {@code backend} (what the Ingress routes the host to) with the X-Forwarded-Proto and X-Forwarded-Host an Ingress
 * controller adds; a request for anything else (the identity provider) goes there over TLS, trusting the CA in
 * {@code caFile}. Like a browser it keeps the host's cookies, Secure ones too (the edge is HTTPS), and follows
 * redirects, here one at a time so that a test sees each.
 */
final class EdgeBrowser {
    private static final int MOST_REDIRECTS = 10;

    private final String host;
    private final String backend;
    private final HttpClient edge = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final HttpClient elsewhere;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    EdgeBrowser(String host, String backend, Path caFile) throws Exception {
        this.host = host;
        this.backend = backend;
        this.elsewhere = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TlsClients.trusting(Files.readString(caFile)))
                .build();
    }

    record Page(int status, String location, String body) {}

    /** One request, no redirect followed. */
    Page get(String url, Map<String, String> headers) throws Exception {
        URI uri = URI.create(url);
        boolean ours = host.equals(uri.getHost());
        HttpRequest.Builder request = HttpRequest.newBuilder(ours ? backendUri(uri) : uri)
                .timeout(Duration.ofSeconds(20))
                .GET();
        headers.forEach(request::header);
        if (ours) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", host);
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
        }
        HttpResponse<String> response =
                (ours ? edge : elsewhere).send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (ours) {
            keep(response.headers().allValues("Set-Cookie"));
        }
        String location = response.headers().firstValue("Location").orElse(null);
        return new Page(
                response.statusCode(),
                location == null ? null : uri.resolve(location).toString(),
                response.body());
    }

    /** The page {@code path} of the host leads to, through every redirect. */
    Page open(String path) throws Exception {
        Page page = get("https://" + host + path, Map.of());
        for (int i = 0; page.location() != null && i < MOST_REDIRECTS; i++) {
            page = get(page.location(), Map.of());
        }
        return page;
    }

    private URI backendUri(URI uri) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create("http://" + backend + uri.getRawPath() + query);
    }

    private void keep(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
