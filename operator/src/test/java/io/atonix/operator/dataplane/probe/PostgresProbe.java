package io.atonix.operator.dataplane.probe;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One SQL statement with a use's PostgreSQL binding: libpq's variables (PGHOST, PGPORT, PGDATABASE, PGUSER,
 * PGPASSWORD) or DATABASE_URL, each with the use's prefix. The answer is {@code ok} and the rows of a query (columns
 * separated by tabs) or the count of changed rows, or {@code refused <SQLSTATE> <message>}.
 */
final class PostgresProbe {
    private final Map<String, String> env;
    private final ProbeQuery query;

    PostgresProbe(Map<String, String> env, ProbeQuery query) {
        this.env = env;
        this.query = query;
    }

    String run(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return "ok\n" + statement.getUpdateCount();
            }
            StringBuilder answer = new StringBuilder("ok");
            try (ResultSet rows = statement.getResultSet()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    answer.append('\n');
                    for (int i = 1; i <= columns; i++) {
                        answer.append(i > 1 ? "\t" : "").append(rows.getString(i));
                    }
                }
            }
            return answer.toString();
        } catch (SQLException e) {
            return "refused " + e.getSQLState() + " "
                    + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private Connection connect() throws SQLException {
        String host = variable("PGHOST");
        String port = variable("PGPORT");
        String database = variable("PGDATABASE");
        String user = variable("PGUSER");
        String password = variable("PGPASSWORD");
        if (query.viaUrl()) {
            URI url = URI.create(variable("DATABASE_URL"));
            String[] userInfo = url.getUserInfo().split(":", 2);
            host = url.getHost();
            port = String.valueOf(url.getPort());
            database = url.getPath().substring(1);
            user = userInfo[0];
            password = userInfo[1];
        }
        String target = query.database() == null ? database : query.database();
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + target, user, password);
    }

    private String variable(String name) throws SQLException {
        String value = env.get(query.prefix() + name);
        if (value == null) {
            throw new SQLException("no " + query.prefix() + name + " in the environment", "08001");
        }
        return value;
    }
}
