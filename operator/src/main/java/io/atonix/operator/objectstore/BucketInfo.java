package io.atonix.operator.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * What COSI's sidecar writes into a BucketAccess's credentials Secret, under the key {@value #KEY}: a BucketInfo object
 * whose spec names the bucket and, for S3, the endpoint, region and access key
 * ({@code spec.bucketName}, {@code spec.secretS3.endpoint|region|accessKeyID|accessSecretKey}).
 *
 * @param endpoint an http(s) URL; a bare host, as some drivers write it, is taken as https
 */
public record BucketInfo(String bucket, String endpoint, String region, String accessKeyId, String secretAccessKey) {
    public static final String KEY = "BucketInfo";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The S3 access of the Secret, or why there is none, as a sentence that ends a problem's message. */
    public static Result of(Secret secret) {
        String encoded = CredentialsSecrets.data(secret).get(KEY);
        if (encoded == null) {
            return Result.problem("has no key " + KEY);
        }
        JsonNode spec;
        try {
            spec = JSON.readTree(Base64.getDecoder().decode(encoded)).path("spec");
        } catch (IOException | IllegalArgumentException e) {
            return Result.problem("has a key " + KEY + " that is not JSON");
        }
        JsonNode s3 = spec.path("secretS3");
        String bucket = spec.path("bucketName").asText("");
        String endpoint = s3.path("endpoint").asText("");
        String id = s3.path("accessKeyID").asText("");
        String key = s3.path("accessSecretKey").asText("");
        if (bucket.isEmpty() || endpoint.isEmpty() || id.isEmpty() || key.isEmpty()) {
            return Result.problem("has a " + KEY + " without an S3 bucket, endpoint and access key (spec.bucketName,"
                    + " spec.secretS3): the bucket's driver must grant S3 access with KEY authentication");
        }
        String url = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        if (!url.matches(ObjectStore.ENDPOINT)) {
            return Result.problem("names the endpoint '" + endpoint + "', which is no http or https URL");
        }
        String region = s3.path("region").asText("");
        return new Result(
                Optional.of(
                        new BucketInfo(bucket, url, region.isEmpty() ? ObjectStore.DEFAULT_REGION : region, id, key)),
                null);
    }

    /** The BucketInfo, or the reason there is none. */
    public record Result(Optional<BucketInfo> info, String problem) {
        static Result problem(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
