package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.SecretValues;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.StoreCertificates;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The generated credentials of a Redis: the administrator's, the exporter's and one binding per application user.
 * They are created once and matched by name afterwards, so a reconcile can never regenerate them; the password comes
 * from the caller (a generator in the operator, a placeholder in render).
 */
public final class RedisSecrets {
    private RedisSecrets() {}

    /** The administrator's binding (every command, every key); the Redis' status.binding. */
    public static Secret admin(Redis redis, Supplier<String> password) {
        return binding(
                redis, RedisBinding.adminSecretName(redis.getMetadata().getName()), RedisAcl.ADMIN, password.get());
    }

    public static Secret monitoring(Redis redis, Supplier<String> password) {
        // No desired-hash stamp on any credential: it is never compared or updated, only created when missing.
        return new SecretBuilder()
                .withMetadata(RedisObjects.kept(
                        redis, Names.redisMonitoringSecret(redis.getMetadata().getName())))
                .withType(BasicAuth.SECRET_TYPE)
                .addToStringData(BasicAuth.USERNAME, RedisAcl.MONITOR)
                .addToStringData(BasicAuth.PASSWORD, password.get())
                .build();
    }

    /**
     * The binding of an application's ACL user, in the servicebinding.io form: everything a client needs to connect, so
     * that a service reads it through environment variables and never holds a copy of the password.
     */
    public static Secret user(Redis redis, RedisUserSpec user, Supplier<String> password) {
        return binding(
                redis,
                RedisBinding.secretName(redis.getMetadata().getName(), user.name()),
                user.name(),
                password.get());
    }

    /**
     * Every credential Secret the Redis needs, keyed by name, each password and the certificates from the same supplier
     * (placeholders in render).
     */
    public static Map<String, Secret> all(Redis redis, Supplier<String> password) {
        return all(redis, name -> password.get(), RedisTls.placeholder(password));
    }

    /**
     * Every credential Secret the Redis needs, keyed by name, and its TLS Secret when it requires TLS.
     *
     * @param password the password of the Secret of the given name: the stored one, or a new one
     * @param certificates the stored certificates, or new ones, asked for only when Redis requires TLS
     */
    public static Map<String, Secret> all(
            Redis redis, Function<String, String> password, Supplier<ServerCertificate> certificates) {
        String name = redis.getMetadata().getName();
        List<Secret> all = new ArrayList<>();
        String admin = RedisBinding.adminSecretName(name);
        all.add(binding(redis, admin, RedisAcl.ADMIN, password.apply(admin), certificates));
        all.add(monitoring(redis, () -> password.apply(Names.redisMonitoringSecret(name))));
        for (RedisUserSpec user : redis.getSpec().users()) {
            String secret = RedisBinding.secretName(name, user.name());
            all.add(binding(redis, secret, user.name(), password.apply(secret), certificates));
        }
        if (redis.getSpec().tlsRequired()) {
            all.add(RedisTls.secret(redis, certificates.get()));
        }
        Map<String, Secret> secrets = new LinkedHashMap<>();
        all.forEach(secret -> secrets.put(secret.getMetadata().getName(), secret));
        return secrets;
    }

    /** The ACL user name of each credential Secret, keyed by Secret name. */
    static Map<String, String> logins(Redis redis) {
        String name = redis.getMetadata().getName();
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put(RedisBinding.adminSecretName(name), RedisAcl.ADMIN);
        logins.put(Names.redisMonitoringSecret(name), RedisAcl.MONITOR);
        redis.getSpec().users().forEach(user -> logins.put(RedisBinding.secretName(name, user.name()), user.name()));
        return logins;
    }

    /**
     * Each ACL user's password, keyed by user name, from the stored Secrets; empty while one of them is missing. Binding
     * and basic-auth Secrets keep it under the same key.
     */
    public static Optional<Map<String, String>> passwords(Redis redis, Map<String, Secret> secrets) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (Map.Entry<String, String> login : logins(redis).entrySet()) {
            Optional<String> password = SecretValues.get(secrets.get(login.getKey()), ServiceBinding.PASSWORD);
            if (password.isEmpty()) {
                return Optional.empty();
            }
            passwords.put(login.getValue(), password.get());
        }
        return Optional.of(passwords);
    }

    /** The Service's name in cluster DNS. */
    public static String host(Redis redis) {
        return Names.serviceHost(
                redis.getMetadata().getName(), redis.getMetadata().getNamespace());
    }

    private static Secret binding(Redis redis, String name, String username, String password) {
        return binding(
                redis,
                name,
                username,
                password,
                StoreCertificates.notGiven(redis.getMetadata().getName()));
    }

    /** When Redis requires TLS: the rediss scheme, ssl and the CA certificate, so that a client checks the server. */
    private static Secret binding(
            Redis redis, String name, String username, String password, Supplier<ServerCertificate> certificates) {
        boolean tls = redis.getSpec().tlsRequired();
        String host = host(redis);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ServiceBinding.TYPE, RedisBinding.TYPE);
        data.put(ServiceBinding.PROVIDER, ServiceBinding.ATONIX);
        data.put(ServiceBinding.HOST, host);
        data.put(ServiceBinding.PORT, String.valueOf(RedisConfig.PORT));
        data.put(ServiceBinding.USERNAME, username);
        data.put(ServiceBinding.PASSWORD, password);
        data.put(
                ServiceBinding.URI,
                (tls ? "rediss://" : "redis://") + username + ":" + password + "@" + host + ":" + RedisConfig.PORT);
        if (tls) {
            data.put(RedisBinding.SSL, "true");
            data.put(ServiceBinding.CA_CRT, certificates.get().caCertificate());
        }
        return new SecretBuilder()
                .withMetadata(RedisObjects.kept(redis, name))
                .withType(RedisBinding.SECRET_TYPE)
                .withStringData(data)
                .build();
    }
}
