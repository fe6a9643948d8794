package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A bucket of an S3-compatible object store that services of the stack use: the operator neither creates nor deletes
 * it, it binds services to it with the access key of a Secret in the stack's namespace. The shape is the one of a
 * Postgres' backup object store, so one concept is written one way across kinds.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectStore(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the object store in the stack, unique among spec.objectStores: a DNS label of at most 30 characters. Services' uses name it in objectStore.store.")
        String name,

        @Required
        @Size(max = 2048)
        @Pattern(ENDPOINT)
        @JsonPropertyDescription(
                "URL of the S3-compatible endpoint, for example https://s3.eu-west-1.amazonaws.com or http://minio.storage.svc:9000 (plain http only for a store inside a trusted network: requests are signed, but the data travels unencrypted). Under egress DeclaredOnly the services that use the store may reach its port: only that address when the host is an IP address, any address when it is a name (a NetworkPolicy cannot name a host).")
        String endpoint,

        @Required
        @Size(min = 3, max = 63)
        @Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")
        @JsonPropertyDescription("The bucket. It must exist; the operator never creates or deletes buckets.")
        String bucket,

        @Size(max = 64)
        @Pattern("^[a-z0-9-]+$")
        @JsonPropertyDescription(
                "The region clients sign requests for. Defaults to us-east-1, which S3-compatible servers accept.")
        String region,

        @Required
        @JsonPropertyDescription(
                "The Secret in the stack's namespace with the access key the services use the bucket with. The operator copies it into each use's binding Secret and follows its changes; a stack never reads a Secret of another namespace.")
        ObjectStoreCredentials credentials) {

    /** http or https, a host (a name, an IPv4 address, or an IPv6 address in brackets), an optional port and path. */
    public static final String ENDPOINT =
            "^https?://(\\[[0-9A-Fa-f:.]+\\]|[^/\\s?#:\\[\\]@]+)(:[0-9]{1,5})?(/[^\\s?#]*)?$";

    public static final String DEFAULT_REGION = "us-east-1";

    public String regionOrDefault() {
        return region == null ? DEFAULT_REGION : region;
    }
}
