package io.atonix.operator.postgres.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password handed to the provisioner. Only this package can read the value; {@link #toString()} hides it, so a
 * record or a log line that includes a password shows {@code ****} instead.
 */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = value;
    }

    public static Password of(String value) {
        Objects.requireNonNull(value, "password");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a password cannot be empty");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a NUL character");
        }
        return new Password(value);
    }

    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password password
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), password.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // A hash of the value would tell something about it.
    }

    @Override
    public String toString() {
        return "****";
    }
}
