package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = Access.NOT_OWNER, message = Access.NOT_OWNER_MESSAGE, fieldPath = ".access")
public record RedisUse(
        @Default("ReadWrite")
        @JsonPropertyDescription(
                "ReadWrite: data commands on keys under keyPrefix; ReadOnly: read commands only. (Owner is for PostgreSQL only.)")
        Access access,

        @Size(min = 1, max = 128)
        @Pattern(RedisUserSpec.KEY_PREFIX)
        @JsonPropertyDescription(
                "Prefix of the keys the service may touch: letters, digits and - : . _ / { } @ | + =. Defaults to \"<service>-<use>:\", the use's login and a colon.")
        String keyPrefix) {

    public Access accessOrDefault() {
        return access == null ? Access.ReadWrite : access;
    }
}
