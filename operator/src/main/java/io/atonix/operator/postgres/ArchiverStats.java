package io.atonix.operator.postgres;

import io.atonix.operator.postgres.sql.JdbcConnector;
import io.atonix.operator.postgres.sql.Password;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/** What the server's archiver says of itself (pg_stat_archiver): how many segments it archived, and its last failure. */
record ArchiverStats(
        long archived,
        String lastArchivedWal,
        long failed,
        String lastFailedWal,
        Instant lastFailed,
        Instant lastArchived) {

    /** Whether the last attempt failed: failures, and none archived since the last of them. */
    boolean failing() {
        return failed > 0 && (lastArchived == null || (lastFailed != null && lastFailed.isAfter(lastArchived)));
    }

    /** Read as the superuser; empty when the server cannot be reached. */
    static Optional<ArchiverStats> read(String host, int port, Password superuser) {
        try (Connection connection =
                        new JdbcConnector(host, port, PostgresSecrets.SUPERUSER, superuser).connect("postgres");
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT archived_count, last_archived_wal, failed_count,"
                        + " last_failed_wal, last_failed_time, last_archived_time FROM pg_stat_archiver")) {
            row.next();
            return Optional.of(new ArchiverStats(
                    row.getLong(1),
                    row.getString(2),
                    row.getLong(3),
                    row.getString(4),
                    instant(row, 5),
                    instant(row, 6)));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        var time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
