package io.atonix.operator.postgres.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One connection to one database for one run: reads the catalog with bind parameters, runs the statements that
 * change the server, and records each one that succeeded in the run's list of actions. Failures become
 * {@link ProvisioningException}s whose messages carry no secret.
 */
final class SqlSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SqlSession.class);
    private static final String REDACTED = "****";

    private final Connection connection;
    private final String database;
    private final List<String> actions;

    private SqlSession(Connection connection, String database, List<String> actions) {
        this.connection = connection;
        this.database = database;
        this.actions = actions;
    }

    /** A session that adds the actions it takes to {@code actions}, shared by every session of a run. */
    static SqlSession open(DatabaseConnector connector, String database, List<String> actions)
            throws ProvisioningException {
        try {
            Connection connection = connector.connect(database);
            // CREATE DATABASE cannot run inside a transaction; each statement stands alone, and a run that stops
            // half-way is completed by the next one.
            connection.setAutoCommit(true);
            return new SqlSession(connection, database, actions);
        } catch (SQLException e) {
            throw new ProvisioningException(
                    "could not connect to database " + database + ": " + reason(e), e.getSQLState(), actions, e);
        }
    }

    String database() {
        return database;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Rows of a catalog query. Parameters are bound, never spliced: a String binds as text, a String[] as text[].
     *
     * @param what what is being read, for the error message
     */
    <T> List<T> query(String what, String sql, RowReader<T> reader, Object... parameters) throws ProvisioningException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ProvisioningException(
                    "could not read " + what + " in database " + database + ": " + reason(e),
                    e.getSQLState(),
                    actions,
                    e);
        }
    }

    void execute(Ddl.Statement statement) throws ProvisioningException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            String message = "could not complete \"" + statement.action() + "\" in database " + database + ": ";
            if (statement.carriesSecret()) {
                // No cause: the driver's exception could quote the statement, which holds a password verifier.
                throw new ProvisioningException(
                        message + redacted(reason(e), statement.secret()), e.getSQLState(), actions, null);
            }
            throw new ProvisioningException(message + reason(e), e.getSQLState(), actions, e);
        }
        actions.add(statement.action());
        LOG.debugf("%s", statement.action());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("closing the connection to database %s failed: %s", database, e.getSQLState());
        }
    }

    /** PostgreSQL's primary message and SQLSTATE, without the detail, hint and statement position it may add. */
    private static String reason(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getMessage() + " (SQLSTATE " + server.getSQLState() + ")";
        }
        return e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    /** The message without the statement's secret, in case the server echoed it. */
    private static String redacted(String message, String secret) {
        return message.replace(secret, REDACTED);
    }
}
