package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A bucket of an S3-compatible object store that services of the stack use: the operator neither creates nor deletes
 * it, it binds services to it with the access key of a Secret in the stack's namespace. The shape is the one of a
 * Postgres' backup object store, so one concept is written one way across kinds. Where the cluster runs COSI (the
 * Container Object Storage Interface), the store may name a BucketClaim instead, and COSI grants the access.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "has(self.bucketClaim) || has(self.endpoint) && has(self.bucket) && has(self.credentials)",
        message = "an object store names either a COSI bucketClaim or its endpoint, bucket and credentials")
@ValidationRule(
        value =
                "!has(self.bucketClaim) || !has(self.endpoint) && !has(self.bucket) && !has(self.region) && !has(self.credentials)",
        message =
                "an object store with a bucketClaim gets its endpoint, bucket, region and access key from COSI: leave them out")
@ValidationRule(
        value = "!has(self.bucketAccessClassName) || has(self.bucketClaim)",
        message = "bucketAccessClassName is COSI's, for an object store with a bucketClaim",
        fieldPath = ".bucketAccessClassName")
public record ObjectStore(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the object store in the stack, unique among spec.objectStores: a DNS label of at most 30 characters. Services' uses name it in objectStore.store.")
        String name,

        @Size(max = 2048)
        @Pattern(ENDPOINT)
        @JsonPropertyDescription(
                "URL of the S3-compatible endpoint, for example https://s3.eu-west-1.amazonaws.com or http://minio.storage.svc:9000 (plain http only for a store inside a trusted network: requests are signed, but the data travels unencrypted). Under egress DeclaredOnly the services that use the store may reach its port: only that address when the host is an IP address, any address when it is a name (a NetworkPolicy cannot name a host).")
        String endpoint,

        @Size(min = 3, max = 63)
        @Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")
        @JsonPropertyDescription("The bucket. It must exist; the operator never creates or deletes buckets.")
        String bucket,

        @Size(max = 64)
        @Pattern("^[a-z0-9-]+$")
        @JsonPropertyDescription(
                "The region clients sign requests for. Defaults to us-east-1, which S3-compatible servers accept.")
        String region,

        @JsonPropertyDescription(
                "The Secret in the stack's namespace with the access key the services use the bucket with. The operator copies it into each use's binding Secret and follows its changes; a stack never reads a Secret of another namespace.")
        ObjectStoreCredentials credentials,

        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "A COSI BucketClaim (objectstorage.k8s.io/v1alpha1) in the stack's namespace, instead of endpoint, bucket and credentials: the operator writes a BucketAccess for each use of the store, and binds the service with the endpoint, bucket, region and access key COSI then grants. Needs COSI's CRDs in the cluster; the claim is the user's, the operator neither creates nor deletes it.")
        String bucketClaim,

        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "The COSI BucketAccessClass of the BucketAccesses, for a store with a bucketClaim. Defaults to the operator's (chart value cosi.bucketAccessClassName).")
        String bucketAccessClassName) {

    /** http or https, a host (a name, an IPv4 address, or an IPv6 address in brackets), an optional port and path. */
    public static final String ENDPOINT =
            "^https?://(\\[[0-9A-Fa-f:.]+\\]|[^/\\s?#:\\[\\]@]+)(:[0-9]{1,5})?(/[^\\s?#]*)?$";

    public static final String DEFAULT_REGION = "us-east-1";

    /** A store of the platform's COSI, which grants the access; otherwise one the user gives the access key of. */
    public boolean claimed() {
        return bucketClaim != null;
    }

    /** A store given by endpoint, bucket and credentials. */
    public ObjectStore(String name, String endpoint, String bucket, String region, ObjectStoreCredentials credentials) {
        this(name, endpoint, bucket, region, credentials, null, null);
    }

    /** A store of a COSI BucketClaim. */
    public static ObjectStore claim(String name, String bucketClaim, String bucketAccessClassName) {
        return new ObjectStore(name, null, null, null, null, bucketClaim, bucketAccessClassName);
    }

    public String regionOrDefault() {
        return region == null ? DEFAULT_REGION : region;
    }
}
