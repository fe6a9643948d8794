package io.atonix.operator.postgres.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every role name the operator gives inside PostgreSQL. The kinds cannot collide: an owner role ends in
 * {@code _owner}, the monitoring role is {@code atonix_monitor}, and an application's login role is a DNS label (an
 * AppStack's is {@code <service>-<use>}), which has no underscore.
 */
public final class RoleNames {
    public static final String MONITORING = "atonix_monitor";
    private static final String OWNER_SUFFIX = "_owner";

    private RoleNames() {}

    /** Owner of a database: {@code <database>_owner}, shortened with a hash of the full name past 63 characters. */
    public static String owner(String database) {
        String name = database + OWNER_SUFFIX;
        if (name.length() <= SqlQuoting.MAX_IDENTIFIER_BYTES) {
            return name;
        }
        String hash = hash(database);
        int keep = SqlQuoting.MAX_IDENTIFIER_BYTES - OWNER_SUFFIX.length() - hash.length() - 1;
        return database.substring(0, keep) + "_" + hash + OWNER_SUFFIX;
    }

    /**
     * An application's login role: the name spec.roles gives it, which for an AppStack's use is {@code <service>-<use>},
     * so that pg_stat_activity shows which service and which of its uses is connected.
     */
    public static String login(String role) {
        return role;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
