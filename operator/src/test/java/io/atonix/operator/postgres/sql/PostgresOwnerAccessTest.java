package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.common.Access;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Owner access (a migration's) against a real PostgreSQL server: the login changes the schema as the database's owner
 * role, the other logins of the database get their access to what it creates, and taking Owner away takes the schema
 * changes away. Each test works in a database and roles of its own.
 */
class PostgresOwnerAccessTest {
    private static final String PERMISSION_DENIED = "42501";

    private static RealPostgres postgres;
    private static PostgresProvisioner provisioner;

    @BeforeAll
    static void startServer() throws Exception {
        postgres = RealPostgres.start();
        provisioner = new PostgresProvisioner(postgres.superuser());
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anOwnerLoginCreatesTablesOwnedByTheOwnerRoleThatTheReadWriteAndReadOnlyLoginsUse() throws Exception {
        Login migrate = login("shop-migrate");
        Login api = login("shop-api");
        Login report = login("shop-report");
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(database("shop")),
                List.of(
                        new ServiceLogin(migrate, "shop", Access.Owner),
                        new ServiceLogin(api, "shop", Access.ReadWrite),
                        new ServiceLogin(report, "shop", Access.ReadOnly)),
                null);

        ProvisioningResult result = provisioner.provision(plan);

        assertThat(result.actions())
                .contains(
                        "made role shop-migrate a member of shop_owner",
                        "made role shop-migrate act as shop_owner in database shop");
        try (Connection connection = connect("shop", migrate)) {
            assertThat(query(connection, "SELECT current_user")).isEqualTo("shop_owner");
            execute(connection, "CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)");
            execute(connection, "CREATE SCHEMA sales");
            execute(connection, "CREATE TABLE sales.invoices (id bigserial PRIMARY KEY, total numeric)");
            execute(connection, "ALTER TABLE orders ADD COLUMN note text");
        }
        assertThat(
                        single(
                                "shop",
                                "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE tablename IN ('orders', 'invoices')"))
                .isEqualTo("shop_owner");
        try (Connection connection = connect("shop", api)) {
            execute(connection, "INSERT INTO orders (item, note) VALUES ('book', 'gift')");
            execute(connection, "INSERT INTO sales.invoices (total) VALUES (12.50)");
            assertDenied(connection, "CREATE TABLE mine (id int)");
            assertDenied(connection, "ALTER TABLE orders ADD COLUMN mine text");
        }
        try (Connection connection = connect("shop", report)) {
            assertThat(query(connection, "SELECT item FROM orders")).isEqualTo("book");
            assertThat(query(connection, "SELECT count(*) FROM sales.invoices")).isEqualTo("1");
            assertDenied(connection, "INSERT INTO orders (item) VALUES ('pen')");
        }
        assertThat(provisioner.provision(plan).actions()).isEmpty();
    }

    @Test
    void changingOwnerToReadWriteRevokesTheMembershipAndTheRoleSettingSoTheLoginCreatesNothing() throws Exception {
        Login migrate = login("books-migrate");
        DatabasePlan books = database("books");
        provisioner.provision(
                new ProvisioningPlan(List.of(books), List.of(new ServiceLogin(migrate, "books", Access.Owner)), null));
        try (Connection connection = connect("books", migrate)) {
            execute(connection, "CREATE TABLE titles (id serial PRIMARY KEY, name text)");
        }
        ProvisioningPlan readWrite = new ProvisioningPlan(
                List.of(books), List.of(new ServiceLogin(migrate, "books", Access.ReadWrite)), null);

        ProvisioningResult result = provisioner.provision(readWrite);

        assertThat(result.actions())
                .containsExactly(
                        "made role books-migrate act as itself again, not as books_owner, in database books",
                        "revoked the membership of role books-migrate in books_owner, which no longer has Owner access");
        try (Connection connection = connect("books", migrate)) {
            assertThat(query(connection, "SELECT current_user")).isEqualTo("books-migrate");
            execute(connection, "INSERT INTO titles (name) VALUES ('Emma')");
            assertDenied(connection, "CREATE TABLE mine (id int)");
            assertDenied(connection, "ALTER TABLE titles ADD COLUMN note text");
            assertDenied(connection, "DROP TABLE titles");
            assertDenied(connection, "SET ROLE books_owner");
        }
        assertThat(provisioner.provision(readWrite).actions()).isEmpty();
    }

    @Test
    void anOwnerLoginRemovedFromThePlanCannotConnectThroughTheOwnerRole() throws Exception {
        Login migrate = login("notes-migrate");
        DatabasePlan notes = database("notes");
        provisioner.provision(
                new ProvisioningPlan(List.of(notes), List.of(new ServiceLogin(migrate, "notes", Access.Owner)), null));

        ProvisioningResult result = provisioner.provision(new ProvisioningPlan(List.of(notes), List.of(), null));

        assertThat(result.actions())
                .containsExactly(
                        "revoked CONNECT on database notes from notes-migrate, which no longer uses it",
                        "made role notes-migrate act as itself again, not as notes_owner, in database notes",
                        "revoked the membership of role notes-migrate in notes_owner, which no longer has Owner access");
        assertThatThrownBy(() -> connect("notes", migrate).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
    }

    private static DatabasePlan database(String name) {
        return new DatabasePlan(name, login(RoleNames.owner(name)), List.of());
    }

    private static Login login(String role) {
        return new Login(role, Password.of(RealPostgres.randomPassword()));
    }

    private static Connection connect(String database, Login login) throws SQLException {
        return postgres.login(database, login.role(), login.password());
    }

    private static void assertDenied(Connection connection, String sql) {
        assertThatThrownBy(() -> execute(connection, sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .satisfies(e ->
                        assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo(PERMISSION_DENIED));
    }

    private static String single(String database, String sql) throws SQLException {
        try (Connection connection = postgres.superuser(database)) {
            return query(connection, sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
