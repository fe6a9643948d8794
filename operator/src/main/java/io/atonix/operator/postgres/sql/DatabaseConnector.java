package io.atonix.operator.postgres.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection, as a superuser, to one database of one server. Databases need a connection each in PostgreSQL. */
@FunctionalInterface
public interface DatabaseConnector {

    Connection connect(String database) throws SQLException;
}
