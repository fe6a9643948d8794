package io.atonix.operator.objectstore;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access keys on an {@link S3Server}: moto checks no credentials until it is told to, so a test makes an IAM user
 * allowed everything in S3 and its access key first, then turns authentication on. From then on moto verifies every
 * request's Signature Version 4 against the keys it issued: a wrong key is refused, as by a real store.
 */
public final class MotoAccessKeys {
    /** An issued access key. */
    public record AccessKey(String id, String secret) {}

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String ALLOW_S3 =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    private MotoAccessKeys() {}

    /** An IAM user {@code user} allowed every S3 action, and its new access key; before {@link #enforce}. */
    public static AccessKey issue(S3Server s3, String user) throws Exception {
        iam(s3, "Action=CreateUser&UserName=" + user);
        iam(
                s3,
                "Action=PutUserPolicy&UserName=" + user + "&PolicyName=s3&PolicyDocument="
                        + URLEncoder.encode(ALLOW_S3, StandardCharsets.UTF_8));
        String created = iam(s3, "Action=CreateAccessKey&UserName=" + user);
        return new AccessKey(element(created, "AccessKeyId"), element(created, "SecretAccessKey"));
    }

    /** From now on moto checks every request's signature and the key's permissions. */
    public static void enforce(S3Server s3) throws Exception {
        send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/moto-api/reset-auth"))
                .POST(HttpRequest.BodyPublishers.ofString("0")));
    }

    /**
     * An IAM Query API call. moto routes a request to a service by its Authorization header's credential scope, and
     * checks no signature before {@link #enforce}, so the scope is all this one needs.
     */
    private static String iam(S3Server s3, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/iam/aws4_request,"
                                + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2010-05-08")));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String element(String xml, String name) {
        Matcher matcher =
                Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + xml);
        }
        return matcher.group(1);
    }
}
