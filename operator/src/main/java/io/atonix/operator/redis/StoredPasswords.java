package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;

/** The passwords of the stored credential Secrets, for the dependents that run after {@link CredentialsStored} holds. */
final class StoredPasswords {

    private StoredPasswords() {}

    static Map<String, String> of(Redis redis, Context<Redis> context) {
        return RedisCredentialsDependent.passwords(redis, context)
                .orElseThrow(() -> new IllegalStateException(
                        "the credential Secrets of Redis " + redis.getMetadata().getName() + " are not available yet"));
    }
}
