package io.atonix.api.v1beta1.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.Access;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An ACL user for an application, limited to the keys under its prefix. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = Access.NOT_OWNER, message = Access.NOT_OWNER_MESSAGE, fieldPath = ".access")
public record RedisUserSpec(
        @Required
        @Size(min = 1, max = MAX_NAME)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the ACL user: a DNS label of at most 46 characters, as an AppStack names the login of a use, <service>-<use>; not \"default\". Its credentials are in the Secret <redis>-<name>-login.")
        String name,

        @Default("ReadWrite")
        @JsonPropertyDescription(
                "ReadWrite: read and write commands, transactions and Lua scripts on keys under keyPrefix; ReadOnly: read commands on those keys only. Neither can list the keyspace (KEYS, SCAN, RANDOMKEY), flush, change the configuration or use Pub/Sub. (Owner is for PostgreSQL only.)")
        Access access,

        @Size(min = 1, max = 128)
        @Pattern(KEY_PREFIX)
        @JsonPropertyDescription(
                "Prefix of the keys the user may touch: letters, digits and - : . _ / { } @ | + =. Defaults to \"<name>:\".")
        String keyPrefix) {

    /** Room for an AppStack's login {@code <service>-<use>}: a 30-character service name, a hyphen and a 15-character use. */
    public static final int MAX_NAME = 46;

    /** No glob characters, quotes, backslashes or spaces: the prefix becomes the ACL key pattern {@code ~<prefix>*}. */
    public static final String KEY_PREFIX = "^[-A-Za-z0-9:._/{}@|+=]+$";

    public Access accessOrDefault() {
        return access == null ? Access.ReadWrite : access;
    }

    public String keyPrefixOrDefault() {
        return keyPrefix == null ? name + ":" : keyPrefix;
    }
}
