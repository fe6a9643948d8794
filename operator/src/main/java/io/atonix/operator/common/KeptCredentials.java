package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Credentials that are created once: a reconcile builds each credential Secret with the password already stored in
 * it, so that what surrounds a password (a binding's URLs, its CA certificate) can follow the spec while the password
 * itself never changes; only a rotation request, or a missing Secret, gives a new one.
 */
public final class KeptCredentials {
    private KeptCredentials() {}

    /**
     * The password for the Secret of each name: the stored one, or a new one when there is none or a person asked for
     * a rotation of a Secret that may rotate.
     */
    public static Function<String, String> passwords(
            Map<String, Secret> stored, String key, Predicate<String> mayRotate, Supplier<String> generator) {
        return name -> Optional.ofNullable(stored.get(name))
                .filter(secret -> !(Rotation.requested(secret) && mayRotate.test(name)))
                .flatMap(secret -> SecretValues.get(secret, key))
                .orElseGet(generator);
    }

    /** Whether the stored Secret holds exactly what is wanted (its metadata aside, which is never written again). */
    public static boolean holds(Secret actual, Secret desired) {
        return SecretValues.all(actual).equals(new TreeMap<>(SecretValues.all(desired)));
    }
}
