package io.atonix.operator.dataplane.probe;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes or reads one object of a use's bucket with the use's object store binding alone: AWS_ENDPOINT_URL_S3,
 * AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and S3_BUCKET, each with the use's prefix. The answer is
 * {@code ok} (and the object, for a read), or {@code refused <HTTP status> <body>}.
 */
final class S3Probe {
    private final Map<String, String> env;
    private final ProbeQuery query;

    S3Probe(Map<String, String> env, ProbeQuery query) {
        this.env = env;
        this.query = query;
    }

    /** With a body, PUT it as the object {@code key}; without one, GET that object. */
    String run(String key, String body) {
        String endpoint = variable("AWS_ENDPOINT_URL_S3");
        String bucket = variable("S3_BUCKET");
        if (endpoint == null || bucket == null) {
            return "refused no " + query.prefix() + "AWS_ENDPOINT_URL_S3 or S3_BUCKET in the environment";
        }
        S3Requests s3 = new S3Requests(
                endpoint, variable("AWS_REGION"), variable("AWS_ACCESS_KEY_ID"), variable("AWS_SECRET_ACCESS_KEY"));
        try {
            HttpResponse<String> response =
                    body.isEmpty() ? s3.get(bucket, key) : s3.put(bucket, key, body.getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                return "refused " + response.statusCode() + " " + response.body();
            }
            return body.isEmpty() ? "ok\n" + response.body() : "ok";
        } catch (Exception e) {
            return "refused " + e;
        }
    }

    private String variable(String name) {
        return env.get(query.prefix() + name);
    }
}
