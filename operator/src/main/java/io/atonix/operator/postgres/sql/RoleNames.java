package io.atonix.operator.postgres.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every role name the operator gives inside PostgreSQL. The kinds cannot collide: an owner role ends in
 * {@code _owner}, the monitoring role is {@code atonix_monitor}, and a service role is the service's name, a DNS
 * label, which has no underscore.
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

    /** Login role of a service of a stack: the service's own name, so that the role reads as the service in pg_stat_activity. */
    public static String service(String service) {
        return service;
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
