package io.atonix.operator.dataplane.probe;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Path-style S3 requests signed with AWS Signature Version 4, on the JDK alone: what an S3 client library does with an
 * endpoint, a region and an access key, so the probe and the tests need no SDK.
 */
public record S3Requests(String endpoint, String region, String accessKeyId, String secretAccessKey) {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** The HTTP status and body of {@code PUT /<bucket>/<key>}. */
    public HttpResponse<String> put(String bucket, String key, byte[] body) throws Exception {
        return send("PUT", bucket, key, body);
    }

    /** The HTTP status and body of {@code GET /<bucket>/<key>}. */
    public HttpResponse<String> get(String bucket, String key) throws Exception {
        return send("GET", bucket, key, new byte[0]);
    }

    private HttpResponse<String> send(String method, String bucket, String key, byte[] body) throws Exception {
        URI base = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        String path = base.getRawPath() + "/" + encode(bucket) + "/"
                + String.join(
                        "/",
                        java.util.Arrays.stream(key.split("/", -1))
                                .map(S3Requests::encode)
                                .toList());
        String host = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String stamp = STAMP.format(now);
        String day = stamp.substring(0, 8);
        String payload = hex(sha256(body));
        String canonical = method + "\n" + path + "\n\nhost:" + host + "\nx-amz-content-sha256:" + payload
                + "\nx-amz-date:" + stamp + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + payload;
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = hmac(
                hmac(hmac(hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day), region), "s3"),
                "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + hex(hmac(signingKey, toSign));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.getScheme() + "://" + base.getRawAuthority() + path))
                .timeout(Duration.ofSeconds(20))
                .header("x-amz-date", stamp)
                .header("x-amz-content-sha256", payload)
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A path segment as SigV4 encodes it for S3: everything but unreserved characters (a key keeps its '/'). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%7E", "~");
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
