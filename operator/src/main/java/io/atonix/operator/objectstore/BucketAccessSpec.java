package io.atonix.operator.objectstore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fields of a BucketAccess the operator sets; serviceAccountName stays unset, since the operator asks for keys
 * (COSI's KEY authentication) and binds them like any other access key.
 *
 * @param bucketClaimName the BucketClaim, in the access's namespace
 * @param bucketAccessClassName the class whose driver grants the access
 * @param credentialsSecretName the Secret COSI writes the BucketInfo into, in the access's namespace
 * @param protocol S3, the only protocol the operator binds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BucketAccessSpec(
        String bucketClaimName, String bucketAccessClassName, String credentialsSecretName, String protocol) {
    public static final String S3 = "S3";
}
