package io.atonix.operator.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of a stack's job objects. A CronJob name has at most 52 characters (the controller appends 11 for each Job it
 * starts) and a Job name at most 63 (it becomes a label value of the Job's pods): a longer {@code <stack>-<job>}
 * keeps its start and a hash of the whole, so two jobs of one stack never share a name.
 */
public final class JobNames {
    static final int MAX_CRONJOB = 52;
    static final int MAX_JOB = 63;
    /** Hex digits of a migration's version in its Job's name. */
    public static final int VERSION_LENGTH = 8;

    private JobNames() {}

    /** The CronJob of a scheduled job, {@code <stack>-<job>}. */
    public static String cronJob(String stack, String job) {
        return fitted(stack + "-" + job, MAX_CRONJOB);
    }

    /** The Job of one version of a migration, {@code <stack>-<job>-<version>}. */
    public static String migration(String stack, String job, String version) {
        return migrationPrefix(stack, job) + version;
    }

    /** What every Job of the migration's versions starts with, up to and with its last hyphen. */
    public static String migrationPrefix(String stack, String job) {
        return fitted(stack + "-" + job, MAX_JOB - VERSION_LENGTH - 1) + "-";
    }

    private static String fitted(String base, int max) {
        if (base.length() <= max) {
            return base;
        }
        String hash = hash(base);
        String start = base.substring(0, max - hash.length() - 1);
        while (start.endsWith("-")) {
            start = start.substring(0, start.length() - 1);
        }
        return start + "-" + hash;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
