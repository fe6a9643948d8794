package io.atonix.operator.binding;

import static io.atonix.operator.binding.ServiceBinding.ordered;

import java.util.Map;

/**
 * The binding of an ACL user to a Redis, type {@code servicebinding.io/redis}: the keys of {@link ServiceBinding}.
 * The administrator's Secret, the Redis' status.binding, has the same form.
 */
public final class RedisBinding {
    public static final String SECRET_TYPE = "servicebinding.io/redis";
    /** The value of {@link ServiceBinding#TYPE}. */
    public static final String TYPE = "redis";

    /** "true" when the server requires TLS: connect with TLS (the URI's scheme is then rediss). */
    public static final String SSL = "ssl";

    /** What a service's pods read, by environment variable. */
    public static final Map<String, String> ENV = ordered(
            "REDIS_HOST", ServiceBinding.HOST,
            "REDIS_PORT", ServiceBinding.PORT,
            "REDIS_USERNAME", ServiceBinding.USERNAME,
            "REDIS_PASSWORD", ServiceBinding.PASSWORD,
            "REDIS_URL", ServiceBinding.URI);

    /** With TLS: the path in the pod of the binding's CA certificate (ca.crt, mounted), for a rediss:// client. */
    public static final String CA_CERT_ENV = "REDIS_CA_CERT_FILE";

    private RedisBinding() {}

    /** The binding Secret of an application's ACL user, next to the Redis. */
    public static String secretName(String redis, String user) {
        return redis + "-" + user + "-login";
    }

    /** The binding Secret of the Redis' administrator, {@code atonix_admin}; created once, never regenerated. */
    public static String adminSecretName(String redis) {
        return redis + "-admin";
    }
}
