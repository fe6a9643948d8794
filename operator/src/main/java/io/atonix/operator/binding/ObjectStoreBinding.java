package io.atonix.operator.binding;

import static io.atonix.operator.binding.ServiceBinding.ordered;

import java.util.Map;

/**
 * The binding of a service to a bucket of an S3-compatible object store, type {@code servicebinding.io/s3}: the
 * store's endpoint, bucket and region, and the access key copied from the user's credentials Secret, so that one
 * Secret holds everything a client needs (the servicebinding.io layout), and the pods roll when the key changes.
 */
public final class ObjectStoreBinding {
    public static final String SECRET_TYPE = "servicebinding.io/s3";
    /** The value of {@link ServiceBinding#TYPE}. */
    public static final String TYPE = "s3";
    /** The value of {@link ServiceBinding#PROVIDER}: the store is the user's, the operator only binds to it. */
    public static final String PROVIDER = "user";
    /** The value of {@link ServiceBinding#PROVIDER} for a bucket COSI granted the access to. */
    public static final String PROVIDER_COSI = "cosi";

    public static final String ENDPOINT = "endpoint";
    public static final String BUCKET = "bucket";
    public static final String REGION = "region";
    public static final String ACCESS_KEY_ID = "access-key-id";
    public static final String SECRET_ACCESS_KEY = "secret-access-key";

    /**
     * What a service's pods read, by environment variable: the names the AWS SDKs and CLI read (AWS_ENDPOINT_URL_S3
     * points only S3 at the store, not the SDK's other services; boto3 reads AWS_DEFAULT_REGION, the other SDKs
     * AWS_REGION), and S3_BUCKET, which no SDK defines.
     */
    public static final Map<String, String> ENV = ordered(
            "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
            "AWS_ENDPOINT_URL_S3", ENDPOINT,
            "AWS_REGION", REGION,
            "AWS_DEFAULT_REGION", REGION,
            "S3_BUCKET", BUCKET);

    private ObjectStoreBinding() {}

    /**
     * The binding Secret of a login to one of a stack's object stores, {@code <stack>-objectstore-<login>-login} in
     * the stack's namespace: the scheme of the other bindings' {@code <store>-<login>-login}.
     */
    public static String secretName(String stack, String login) {
        return stack + "-objectstore-" + login + "-login";
    }
}
