package io.atonix.operator.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Passwords;
import io.atonix.operator.testtools.TestPrograms;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated redis.conf and ACL file loaded by a real redis-server (Debian's package, unpacked by
 * {@link TestPrograms}),
 * started on 127.0.0.1 with only its paths, port and address adapted. Every user is then tried with a real client.
 */
class RealRedisAclTest {
    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** Redis 7 and the libraries it links that a fresh Debian machine lacks. */
    static final List<String> REDIS_PACKAGES = List.of("redis-server", "redis-tools", "libjemalloc2", "liblzf1");

    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static Redis redis;
    private static Process server;
    private static int port;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisFixtures.redis(RedisFixtures.spec(
                "7.0",
                "64Mi",
                List.of(
                        RedisFixtures.user("api", Access.ReadWrite, null),
                        RedisFixtures.user("report", Access.ReadOnly, "api:"),
                        RedisFixtures.user("jobs", Access.ReadWrite, "{jobs}|q:"))));
        for (String user : List.of(RedisAcl.ADMIN, RedisAcl.MONITOR, "api", "report", "jobs")) {
            PASSWORDS.put(user, Passwords.generate());
        }
        Path acl = dir.resolve(RedisAcl.FILE);
        Files.writeString(acl, RedisAcl.file(redis, PASSWORDS));
        String config = RedisConfig.file(redis);
        port = freePort();
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve(RedisConfig.FILE), adapt(config, acl, data));
        server = TestPrograms.debian("redis-server", "REDIS_SERVER", REDIS_PACKAGES)
                .command(List.of(dir.resolve(RedisConfig.FILE).toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        awaitListening();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theDefaultUserCannotRunCommandsNorLogIn() throws IOException {
        try (RespClient client = new RespClient(port)) {
            assertThat(error(client.call("PING"))).startsWith("NOAUTH");
            assertThat(error(client.call("GET", "api:k"))).startsWith("NOAUTH");
            assertThat(error(client.call("AUTH", "default", "anything"))).startsWith("WRONGPASS");
            assertThat(error(client.call("AUTH", "anything"))).startsWith("WRONGPASS");
        }
    }

    @Test
    void aPasswordWorksOnlyWithItsUser() throws IOException {
        try (RespClient client = new RespClient(port)) {
            assertThat(error(client.call("AUTH", "api", PASSWORDS.get("report"))))
                    .startsWith("WRONGPASS");
            assertThat(error(client.call("AUTH", "api", PASSWORDS.get("api") + "x")))
                    .startsWith("WRONGPASS");
            assertThat(error(client.call("AUTH", "nobody", PASSWORDS.get("api"))))
                    .startsWith("WRONGPASS");
            assertThat(client.call("AUTH", "api", PASSWORDS.get("api"))).isEqualTo("OK");
            assertThat(client.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void aReadWriteUserWritesUnderItsPrefixOnly() throws IOException {
        try (RespClient api = login("api")) {
            assertThat(api.call("SET", "api:cart", "3")).isEqualTo("OK");
            assertThat(api.call("GET", "api:cart")).isEqualTo("3");
            assertThat(api.call("INCR", "api:cart")).isEqualTo(4L);
            assertThat(api.call("HSET", "api:user:1", "name", "ada")).isEqualTo(1L);
            assertThat(api.call("EXPIRE", "api:cart", "60")).isEqualTo(1L);
            assertThat(api.call("DEL", "api:user:1")).isEqualTo(1L);
            assertThat(error(api.call("SET", "jobs:x", "1"))).startsWith("NOPERM");
            assertThat(error(api.call("GET", "other"))).startsWith("NOPERM");
            assertThat(error(api.call("RENAME", "api:cart", "other:cart"))).startsWith("NOPERM");
            // Transactions and scripts, whose calls are checked against the key pattern too.
            assertThat(api.call("MULTI")).isEqualTo("OK");
            assertThat(api.call("SET", "api:t", "1")).isEqualTo("QUEUED");
            assertThat(api.call("EXEC")).isEqualTo(List.of("OK"));
            assertThat(api.call("EVAL", "return redis.call('SET', KEYS[1], 'lua')", "1", "api:lua"))
                    .isEqualTo("OK");
            assertThat(api.call("EVAL", "return redis.call('SET', KEYS[1], 'lua')", "1", "jobs:lua"))
                    .isInstanceOf(RespClient.Error.class);
            // Nothing that lists other users' key names, reaches every key, or runs the server.
            for (String[] refused : List.of(
                    new String[] {"KEYS", "*"},
                    new String[] {"SCAN", "0"},
                    new String[] {"RANDOMKEY"},
                    new String[] {"FLUSHALL"},
                    new String[] {"FLUSHDB"},
                    new String[] {"CONFIG", "GET", "maxmemory"},
                    new String[] {"CONFIG", "SET", "maxmemory", "0"},
                    new String[] {"INFO"},
                    new String[] {"CLIENT", "LIST"},
                    new String[] {"ACL", "LIST"},
                    new String[] {"SUBSCRIBE", "api:events"},
                    new String[] {"SHUTDOWN"},
                    new String[] {"FUNCTION", "FLUSH"},
                    new String[] {"SCRIPT", "FLUSH"},
                    new String[] {"SWAPDB", "0", "1"})) {
                assertThat(error(api.call(refused)))
                        .as(String.join(" ", refused))
                        .startsWith("NOPERM");
            }
        }
    }

    @Test
    void aPrefixWithBracesAndBarsIsMatchedLiterally() throws IOException {
        try (RespClient jobs = login("jobs")) {
            assertThat(jobs.call("LPUSH", "{jobs}|q:mail", "1")).isEqualTo(1L);
            assertThat(error(jobs.call("LPUSH", "{jobs}|r:mail", "1"))).startsWith("NOPERM");
        }
    }

    @Test
    void aReadOnlyUserReadsButCannotWrite() throws IOException {
        try (RespClient api = login("api");
                RespClient report = login("report")) {
            assertThat(api.call("SET", "api:total", "42")).isEqualTo("OK");
            assertThat(report.call("GET", "api:total")).isEqualTo("42");
            assertThat(report.call("EXISTS", "api:total")).isEqualTo(1L);
            assertThat(error(report.call("SET", "api:total", "0"))).startsWith("NOPERM");
            assertThat(error(report.call("DEL", "api:total"))).startsWith("NOPERM");
            assertThat(error(report.call("EVAL", "return 1", "0"))).startsWith("NOPERM");
            assertThat(error(report.call("GET", "jobs:x"))).startsWith("NOPERM");
            assertThat(report.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void theMonitoringUserReadsServerStatisticsButNoKey() throws IOException {
        try (RespClient monitor = login(RedisAcl.MONITOR)) {
            assertThat((String) monitor.call("INFO")).contains("redis_version:");
            assertThat(monitor.call("CONFIG", "GET", "maxmemory"))
                    .isEqualTo(List.of("maxmemory", String.valueOf(64L * 1024 * 1024)));
            assertThat(monitor.call("SLOWLOG", "LEN")).isInstanceOf(Long.class);
            assertThat(monitor.call("LATENCY", "LATEST")).isInstanceOf(List.class);
            assertThat(error(monitor.call("GET", "api:cart"))).startsWith("NOPERM");
            assertThat(error(monitor.call("SCAN", "0"))).startsWith("NOPERM");
            assertThat(error(monitor.call("CONFIG", "SET", "maxmemory", "0"))).startsWith("NOPERM");
            assertThat(error(monitor.call("SLOWLOG", "RESET"))).startsWith("NOPERM");
        }
    }

    @Test
    void theConfigurationIsAppliedAndTheServerKeepsOnlyHashes() throws IOException {
        try (RespClient admin = login(RedisAcl.ADMIN)) {
            assertThat(admin.call("CONFIG", "GET", "maxmemory-policy"))
                    .isEqualTo(List.of("maxmemory-policy", "allkeys-lru"));
            assertThat(admin.call("CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "yes"));
            assertThat(admin.call("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
            @SuppressWarnings("unchecked")
            List<Object> rules = (List<Object>) admin.call("ACL", "LIST");
            assertThat(rules).hasSize(6);
            String all = String.join("\n", rules.stream().map(String::valueOf).toList());
            assertThat(all).contains("user default off").contains("#" + RedisAcl.sha256(PASSWORDS.get("api")));
            PASSWORDS.values().forEach(password -> assertThat(all).doesNotContain(password));
        }
    }

    private static RespClient login(String user) throws IOException {
        RespClient client = new RespClient(port);
        assertThat(client.call("AUTH", user, PASSWORDS.get(user)))
                .as("AUTH " + user)
                .isEqualTo("OK");
        return client;
    }

    private static String error(Object reply) {
        assertThat(reply).as("an error reply").isInstanceOf(RespClient.Error.class);
        return ((RespClient.Error) reply).message();
    }

    /** Only what a test machine needs changed: the data and ACL paths, a free port, and loopback only. */
    private static String adapt(String config, Path acl, Path data) {
        String aclLine = "aclfile " + RedisConfig.MOUNT + "/" + RedisAcl.FILE + "\n";
        String dirLine = "dir " + RedisConfig.DATA_MOUNT + "\n";
        String portLine = "port " + RedisConfig.PORT + "\n";
        assertThat(config).contains(aclLine, dirLine, portLine);
        return config.replace(aclLine, "aclfile " + acl + "\n")
                .replace(dirLine, "dir " + data + "\n")
                .replace(portLine, "port " + port + "\nbind 127.0.0.1\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            try (RespClient client = new RespClient(port)) {
                client.call("PING");
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("redis-server did not listen within " + STARTUP + ": " + Files.readString(dir.resolve("redis.log")));
    }
}
