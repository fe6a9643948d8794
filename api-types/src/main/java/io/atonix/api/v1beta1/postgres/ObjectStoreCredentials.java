package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The access key of an object store, in a Secret of the resource's namespace that the user provides. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectStoreCredentials(
        @Required
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Name of the Secret, in the same namespace as the resource.")
        String secretName,

        @Default(ACCESS_KEY_ID)
        @Size(max = 253)
        @Pattern("^[-._a-zA-Z0-9]+$")
        @JsonPropertyDescription("The Secret's key that holds the access key ID. Defaults to AWS_ACCESS_KEY_ID.")
        String accessKeyIdKey,

        @Default(SECRET_ACCESS_KEY)
        @Size(max = 253)
        @Pattern("^[-._a-zA-Z0-9]+$")
        @JsonPropertyDescription(
                "The Secret's key that holds the secret access key. Defaults to AWS_SECRET_ACCESS_KEY.")
        String secretAccessKeyKey) {

    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

    public String accessKeyIdKeyOrDefault() {
        return accessKeyIdKey == null ? ACCESS_KEY_ID : accessKeyIdKey;
    }

    public String secretAccessKeyKeyOrDefault() {
        return secretAccessKeyKey == null ? SECRET_ACCESS_KEY : secretAccessKeyKey;
    }
}
