package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A short digest of what Secrets hold, for a pod template annotation: pods read credentials from Secrets once, at
 * start, so a template that carries the digest rolls its pods when a credential is rotated. The digest reveals
 * nothing a reader could use: it is one-way and covers whole Secrets, never a password alone.
 */
public final class SecretChecksum {
    /** On the pod template of every workload that reads generated credentials. */
    public static final String ANNOTATION = "atonix.io/credentials-checksum";

    private SecretChecksum() {}

    /** The digest of the Secrets in order, or empty when none of them exists yet. */
    public static Optional<String> of(List<Secret> secrets) {
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Secret secret : secrets) {
                digest.update(secret.getMetadata().getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                for (var entry : contents(secret).entrySet()) {
                    digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** data as the server stores it; stringData only in a Secret not written yet, merged as the server would. */
    private static Map<String, String> contents(Secret secret) {
        Map<String, String> contents = new TreeMap<>();
        if (secret.getData() != null) {
            contents.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            secret.getStringData()
                    .forEach((key, value) -> contents.put(
                            key, java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return contents;
    }
}
