package io.atonix.operator.postgres.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ssl.SingleCertValidatingFactory;

/**
 * Connects with the PostgreSQL JDBC driver, with credentials the caller read at run time (from the server's
 * superuser Secret). No pool: provisioning opens a few connections per reconcile and closes them.
 */
public final class JdbcConnector implements DatabaseConnector {
    private static final String APPLICATION_NAME = "atonix-operator";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** CREATE DATABASE copies a template and waits for a checkpoint; a minute is generous for that. */
    private static final int SOCKET_TIMEOUT_SECONDS = 120;

    private final String host;
    private final int port;
    private final String user;
    private final Password password;
    private final Optional<String> caCertificate;

    public JdbcConnector(String host, int port, String user, Password password) {
        this(host, port, user, password, Optional.empty());
    }

    /**
     * @param caCertificate of the server that requires TLS, in PEM: the connection checks the server's certificate and
     *        name against it (verify-full); without it the driver's default, which uses TLS when the server offers it
     */
    public JdbcConnector(String host, int port, String user, Password password, Optional<String> caCertificate) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
    }

    @Override
    public Connection connect(String database) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {host});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser(user);
        source.setPassword(password.reveal());
        source.setApplicationName(APPLICATION_NAME);
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        caCertificate.ifPresent(pem -> {
            source.setSslMode("verify-full");
            // The driver's factory that trusts the one certificate given as its argument, here in memory.
            source.setSslfactory(SingleCertValidatingFactory.class.getName());
            source.setSslFactoryArg(pem);
        });
        return source.getConnection();
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
