package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An S3-compatible object store that holds a Postgres' archive: base backups and WAL, in barman-cloud's layout under
 * {@code s3://<bucket>/<path>/<server>/}, which CloudNativePG reads too.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectStoreSpec(
        @Required
        @Size(max = 2048)
        @Pattern("^https?://[^/\\s?#]+(/[^\\s?#]*)?$")
        @JsonPropertyDescription(
                "URL of the S3-compatible endpoint, for example https://s3.eu-west-1.amazonaws.com or https://minio.storage.svc:9000.")
        String endpoint,

        @Required
        @Size(min = 3, max = 63)
        @Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")
        @JsonPropertyDescription("The bucket. It must exist; the operator never creates or deletes buckets.")
        String bucket,

        @Size(max = 512)
        @Pattern("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
        @JsonPropertyDescription(
                "Where in the bucket, without leading or trailing slash. Defaults to the resource's namespace, so that two namespaces' Postgres of the same name never share an archive; the server's name follows (<path>/<server>/base, <path>/<server>/wals).")
        String path,

        @Size(max = 64)
        @Pattern("^[a-z0-9-]+$")
        @JsonPropertyDescription(
                "The region the client signs requests for. Defaults to us-east-1, which S3-compatible servers accept.")
        String region,

        @Required @JsonPropertyDescription("The Secret with the access key the archive is written and read with.")
        ObjectStoreCredentials credentials,

        @JsonPropertyDescription(
                "A Secret key holding the PEM bundle of the certificate authorities that sign the endpoint's certificate, for an endpoint with a private CA.")
        SecretKey ca) {

    public static final String DEFAULT_REGION = "us-east-1";

    public String regionOrDefault() {
        return region == null ? DEFAULT_REGION : region;
    }

    /** The path in the bucket, the resource's namespace by default. */
    public String pathOr(String namespace) {
        return path == null ? namespace : path;
    }
}
