package io.atonix.operator.dataplane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Statements as the postgres superuser against one server of {@link ArchivingToolsIT}, a connection per call. */
record SqlSession(String host, String password) {
    void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Rows of orders with ids {@code from} to {@code to}, committed in one transaction. */
    void insert(int from, int to) throws SQLException {
        execute("INSERT INTO orders SELECT generate_series(" + from + ", " + to + ")");
    }

    String value(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    List<Integer> ids() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM orders ORDER BY id")) {
            while (result.next()) {
                ids.add(result.getInt(1));
            }
        }
        return ids;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", "postgres", password);
    }
}
