package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ACL file of a Redis: the default user off, an administrator, the exporter's user, and one user per application
 * limited to the keys under its prefix. Passwords appear only as SHA-256 hashes ({@code #<hex>}); the file still lives in
 * a Secret, because a hash of a weak password is as good as the password to whoever can guess it.
 *
 * <p>Only rules Redis 6.0 understands are used (categories, whole commands, {@code +command|subcommand}), except the
 * channel rules, which are written for 6.2 and newer. No application user gets Pub/Sub, so channels only matter for
 * the administrator.
 */
public final class RedisAcl {
    public static final String FILE = "users.acl";
    /** Users of the operator's own: a DNS label (an application user's name) cannot hold '_', so they cannot collide. */
    public static final String ADMIN = "atonix_admin";

    public static final String MONITOR = "atonix_monitor";

    /**
     * Connection commands (PING, AUTH, HELLO, SELECT, CLIENT SETNAME, ...) without those that act on other clients or
     * the server (CLIENT KILL, CLIENT PAUSE, ...): those are also in @admin or @dangerous.
     */
    static final String CONNECTION = "+@connection";
    /**
     * Taken from every application user last, whatever was granted before: server administration (CONFIG, SAVE,
     * SHUTDOWN, DEBUG, ACL, ...), commands that reach beyond the user's keys (KEYS, FLUSHALL, FLUSHDB, SWAPDB, SORT with
     * BY/GET, MIGRATE, RESTORE, INFO, CLIENT LIST/KILL), and the two read commands that list key names of every user:
     * SCAN and RANDOMKEY. Key names often carry secrets of their own (a session id in "session:&lt;id&gt;").
     */
    static final String WITHHELD = "-@admin -@dangerous -scan -randomkey";
    /** Data reads and writes (key patterns apply), MULTI/EXEC/WATCH, and Lua scripts, whose every call is checked against the key patterns. */
    static final String READ_WRITE = "-@all +@read +@write +@transaction " + CONNECTION
            + " +eval +evalsha +script|load +script|exists " + WITHHELD;

    static final String READ_ONLY = "-@all +@read " + CONNECTION + " " + WITHHELD;
    /** What redis_exporter reads by default: INFO, CONFIG GET (maxmemory, ...), the slow log and latency; no key at all. */
    static final String MONITORING =
            "resetkeys -@all " + CONNECTION + " -@admin -@dangerous +info +config|get +slowlog|get +slowlog|len"
                    + " +latency|latest +latency|histogram";

    private static final Pattern USER_NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern KEY_PREFIX = Pattern.compile(RedisUserSpec.KEY_PREFIX);
    private static final Pattern WITHOUT_CHANNEL_RULES = Pattern.compile("^6\\.[01](\\..*)?$");

    private RedisAcl() {}

    /** @param passwords each user's password, keyed by ACL user name (see {@link RedisSecrets#passwords}) */
    public static String file(Redis redis, Map<String, String> passwords) {
        boolean channels = channelRules(redis.getSpec().version());
        List<String> lines = new ArrayList<>();
        // Without this line Redis would create the default user with every permission and no password.
        lines.add("user default off resetpass resetkeys" + (channels ? " resetchannels" : "") + " -@all");
        lines.add("user " + ADMIN + " on " + hash(passwords, ADMIN) + " ~*" + (channels ? " &*" : "") + " +@all");
        lines.add("user " + MONITOR + " on " + hash(passwords, MONITOR) + (channels ? " resetchannels " : " ")
                + MONITORING);
        for (RedisUserSpec user : redis.getSpec().users()) {
            lines.add("user " + name(user) + " on " + hash(passwords, user.name()) + " resetkeys"
                    + (channels ? " resetchannels" : "") + " ~" + prefix(user) + "* "
                    + applicationRules(user.accessOrDefault(), redis.getSpec().version()));
        }
        return String.join("\n", lines) + "\n";
    }

    public static Secret desired(Redis redis, Map<String, String> passwords) {
        return RedisObjects.finish(new SecretBuilder()
                .withMetadata(RedisObjects.metadata(
                        redis, Names.redisAcl(redis.getMetadata().getName())))
                .withType("Opaque")
                // data, not stringData: the API server keeps only data, and the stored Secret must equal the desired
                // one.
                .addToData(
                        FILE,
                        java.util.Base64.getEncoder()
                                .encodeToString(file(redis, passwords).getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    /** The SHA-256 of the password in hex, as Redis' {@code #<hash>} rule takes it. */
    static String sha256(String password) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String applicationRules(Access access, String version) {
        if (access == Access.ReadOnly) {
            return READ_ONLY;
        }
        // Redis 7 files FUNCTION LOAD, DELETE, FLUSH and RESTORE under @write, yet they act on every user's functions;
        // the command does not exist before 7, where naming it would make the file fail to load.
        return major(version) >= 7 ? READ_WRITE + " -function" : READ_WRITE;
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }

    /** Channel rules (&amp;pattern, resetchannels) came with Redis 6.2. */
    static boolean channelRules(String version) {
        return !WITHOUT_CHANNEL_RULES.matcher(version).matches();
    }

    private static String hash(Map<String, String> passwords, String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no password for ACL user " + user);
        }
        return "#" + sha256(password);
    }

    // The schema and the validator refuse these already; a name or prefix that could add rules never reaches the file.
    private static String name(RedisUserSpec user) {
        if (user.name() == null || !USER_NAME.matcher(user.name()).matches() || "default".equals(user.name())) {
            throw new IllegalArgumentException("invalid ACL user name");
        }
        return user.name();
    }

    private static String prefix(RedisUserSpec user) {
        String prefix = user.keyPrefixOrDefault();
        if (!KEY_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid key prefix of ACL user " + user.name());
        }
        return prefix;
    }
}
