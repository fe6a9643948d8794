package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a value of a Secret as the API server stores it (base64 data), or as it was written (stringData). */
public final class SecretValues {

    private SecretValues() {}

    /** Every key's value, decoded: data as the server stores it, stringData of a Secret not written yet on top. */
    public static Map<String, String> all(Secret secret) {
        Map<String, String> values = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((key, value) ->
                            values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    public static Optional<String> get(Secret secret, String key) {
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(
                    new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key));
        }
        return Optional.empty();
    }
}
